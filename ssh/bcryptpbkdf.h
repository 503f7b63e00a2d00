#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace suanli::ssh {

/// OpenBSD's bcrypt_pbkdf, the key derivation of passphrase-protected OpenSSH private keys
/// ("bcrypt" kdf in openssh-key-v1). OpenSSL has no Blowfish key schedule to build it on, so it
/// is implemented here after OpenBSD's bcrypt_pbkdf.c. Returns keyLength bytes, or an empty
/// array for arguments OpenSSH rejects too (empty passphrase or salt, 0 rounds, > 1024 bytes).
QByteArray bcryptPbkdf(QByteArrayView passphrase, QByteArrayView salt, unsigned rounds,
                       int keyLength);

} // namespace suanli::ssh
