#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QString>

namespace suanli::server {

/// Password hashes (docs/market.md, "Accounts and keys"): scrypt from OpenSSL 3, a memory-hard
/// KDF, with a random 16-byte salt, stored as
/// `$scrypt$ln=15,r=8,p=1$<salt base64>$<hash base64>` so that the cost can rise later without
/// breaking the hashes already stored. A password is never stored, logged or compared in clear.
namespace passwords {

/// The cost of new hashes: N = 2^15, r = 8, p = 1 (32 MiB, about 50 ms on one core), the
/// minimum OWASP lists for scrypt.
inline constexpr int kLogN = 15;
inline constexpr int kR = 8;
inline constexpr int kP = 1;

/// What a new password must be: 8 to 1024 characters (Unicode code points). Error
/// "weak_password" says which rule it breaks.
Result<void> checkStrength(const QString &password);

/// A new hash of the password. Error only when OpenSSL fails.
Result<QString> hash(const QString &password);

/// Whether the password matches the stored hash, compared in constant time. A malformed or
/// empty hash matches nothing.
bool verify(const QString &password, const QString &stored);

/// A hash of a random password, verified against when the name is unknown, so that a sign-in
/// costs the same time whether the account exists or not.
const QString &decoyHash();

} // namespace passwords

} // namespace suanli::server
