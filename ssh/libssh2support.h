#pragma once

#include <QString>

#include <libssh2.h>

namespace suanli::ssh {

/// libssh2_init() is not thread-safe and must run once per process before any session exists.
void ensureLibssh2Initialised();

/// The last error libssh2 recorded on a session, as text for a log or an error message.
QString libssh2LastError(LIBSSH2_SESSION *session);

} // namespace suanli::ssh
