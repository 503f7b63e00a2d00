#pragma once

#include <QString>

namespace suanli::ssh {

/// libssh2 1.10 encrypts and decrypts SSH packets one 16-byte block per EVP_Cipher() call, and
/// AES-NI on a single block is latency-bound: most of a tunnel's CPU went there. This installs
/// an OpenSSL provider ("suanli-ctr") with AES-128/192/256-CTR that computes the key stream
/// ahead, in 8 KiB runs of the default provider's pipelined AES-CTR, so a 16-byte call is an
/// XOR. The output is exactly AES-CTR's (tests compare it with OpenSSL's on random splits).
///
/// The provider is preferred for these three ciphers only ("?provider=suanli-ctr" as the
/// default property query; every other algorithm comes from the default provider as before).
/// Nothing is installed in FIPS mode or when OpenSSL refuses; returns what was done, for logs.
/// Called once from ensureLibssh2Initialised(), before any session exists.
QString installFastCtrProvider();

/// The name of the provider behind a cipher fetched without properties (tests, diagnostics).
QString providerOfCipher(const char *name);

} // namespace suanli::ssh
