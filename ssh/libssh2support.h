#pragma once

#include <QByteArray>
#include <QString>

#include <libssh2.h>

namespace suanli::ssh {

/// libssh2_init() is not thread-safe and must run once per process before any session exists.
void ensureLibssh2Initialised();

/// The last error libssh2 recorded on a session, as text for a log or an error message.
QString libssh2LastError(LIBSSH2_SESSION *session);

/// The method preferences every session uses: exactly the pinned host-key type, and the
/// fastest key exchange, cipher and MAC libssh2 1.10 offers (see the comment in the .cpp).
/// ciphers and macs, when not empty, replace our cipher and MAC lists (SessionOptions).
void setMethodPreferences(LIBSSH2_SESSION *session, const char *hostKeyType,
                          const QByteArray &ciphers = {}, const QByteArray &macs = {});

} // namespace suanli::ssh
