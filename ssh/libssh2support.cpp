#include "libssh2support.h"

#include <mutex>

namespace suanli::ssh {

void ensureLibssh2Initialised()
{
    static std::once_flag once;
    // libssh2_exit() is never called: sessions may still be torn down by threads that outlive
    // main(), and the process releases everything at exit anyway.
    std::call_once(once, [] { libssh2_init(0); });
}

QString libssh2LastError(LIBSSH2_SESSION *session)
{
    if (!session)
        return {};
    char *message = nullptr;
    int length = 0;
    libssh2_session_last_error(session, &message, &length, 0);
    return QString::fromUtf8(message, length);
}

} // namespace suanli::ssh
