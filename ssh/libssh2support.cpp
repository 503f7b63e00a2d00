#include "libssh2support.h"

#include "ctrprovider.h"

#include <mutex>

namespace suanli::ssh {

namespace {

// libssh2 1.10 has neither AES-GCM nor chacha20-poly1305 nor encrypt-then-MAC. AES-CTR runs on
// AES-NI and HMAC-SHA2-256 on the SHA extensions of current CPUs, which makes this pair the
// fastest libssh2 offers on loopback (see docs/benchmarks.md, Tunnels).
constexpr const char *kCiphers = "aes128-ctr,aes256-ctr,aes192-ctr";
constexpr const char *kMacs = "hmac-sha2-256,hmac-sha2-512,hmac-sha1";
constexpr const char *kKex = "curve25519-sha256,curve25519-sha256@libssh.org,"
                             "ecdh-sha2-nistp256,diffie-hellman-group14-sha256";

} // namespace

void setMethodPreferences(LIBSSH2_SESSION *session, const char *hostKeyType,
                          const QByteArray &ciphers, const QByteArray &macs)
{
    const char *cipherList = ciphers.isEmpty() ? kCiphers : ciphers.constData();
    const char *macList = macs.isEmpty() ? kMacs : macs.constData();
    // Ask for exactly the key type the market pinned, so a server with several host keys
    // shows the one we can compare.
    libssh2_session_method_pref(session, LIBSSH2_METHOD_HOSTKEY, hostKeyType);
    libssh2_session_method_pref(session, LIBSSH2_METHOD_KEX, kKex);
    libssh2_session_method_pref(session, LIBSSH2_METHOD_CRYPT_CS, cipherList);
    libssh2_session_method_pref(session, LIBSSH2_METHOD_CRYPT_SC, cipherList);
    libssh2_session_method_pref(session, LIBSSH2_METHOD_MAC_CS, macList);
    libssh2_session_method_pref(session, LIBSSH2_METHOD_MAC_SC, macList);
}

void ensureLibssh2Initialised()
{
    static std::once_flag once;
    // libssh2_exit() is never called: sessions may still be torn down by threads that outlive
    // main(), and the process releases everything at exit anyway.
    std::call_once(once, [] {
        // Before libssh2 fetches its first cipher (see ctrprovider.h). SUANLI_SSH_OPENSSL_CTR=1
        // keeps OpenSSL's own AES-CTR, for comparisons.
        if (qEnvironmentVariableIntValue("SUANLI_SSH_OPENSSL_CTR") == 0)
            installFastCtrProvider();
        libssh2_init(0);
    });
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
