#include "ctrprovider.h"

#include <openssl/core.h>
#include <openssl/core_dispatch.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/provider.h>

#include <cstdint>
#include <cstring>
#include <new>

namespace suanli::ssh {

namespace {

constexpr const char *kProviderName = "suanli-ctr";
constexpr size_t kBlock = 16;
/// Key stream made per refill: 512 blocks, enough for AES-NI's 8-way pipeline to reach full
/// speed, small enough that a re-key wastes nothing that matters.
constexpr size_t kStream = 8192;

/// Adds n to a 128-bit big-endian counter (CTR's IV), as OpenSSL's CTR does.
void addToCounter(unsigned char *counter, quint64 n)
{
    for (int i = int(kBlock) - 1; i >= 0 && n != 0; --i) {
        const quint64 sum = quint64(counter[i]) + (n & 0xff);
        counter[i] = static_cast<unsigned char>(sum);
        n = (n >> 8) + (sum >> 8);
    }
}

struct CtrContext
{
    size_t keyLength = 0;
    EVP_CIPHER *innerCipher = nullptr; ///< the default provider's AES-CTR of this key length
    EVP_CIPHER_CTX *inner = nullptr;   ///< makes the key stream by encrypting zeros
    unsigned char iv[kBlock] = {};     ///< the counter given at init ("iv")
    quint64 used = 0;                  ///< key-stream bytes consumed since init
    unsigned char stream[kStream];
    size_t position = kStream; ///< next unused key-stream byte; kStream: refill first
    bool ready = false;
    bool innerStarted = false;

    ~CtrContext()
    {
        EVP_CIPHER_CTX_free(inner);
        EVP_CIPHER_free(innerCipher);
        OPENSSL_cleanse(stream, sizeof stream);
    }

    bool refill()
    {
        static const unsigned char zeros[kStream] = {};
        int length = 0;
        if (EVP_EncryptUpdate(inner, stream, &length, zeros, int(kStream)) != 1 ||
            size_t(length) != kStream) {
            return false;
        }
        position = 0;
        return true;
    }

    bool crypt(unsigned char *out, const unsigned char *in, size_t length)
    {
        if (!ready)
            return false;
        while (length > 0) {
            if (position == kStream && !refill())
                return false;
            const size_t n = std::min(length, kStream - position);
            const unsigned char *k = stream + position;
            for (size_t i = 0; i < n; ++i)
                out[i] = in[i] ^ k[i];
            position += n;
            used += n;
            out += n;
            in += n;
            length -= n;
        }
        return true;
    }

    /// EVP_CipherInit semantics of OpenSSL's CTR: a new IV starts the counter there; a new key
    /// without an IV goes on from the next whole block.
    bool init(const unsigned char *key, size_t keyLen, const unsigned char *ivIn, size_t ivLen)
    {
        if (key && keyLen != keyLength)
            return false;
        if (ivIn) {
            if (ivLen != kBlock)
                return false;
            std::memcpy(iv, ivIn, kBlock);
        } else if (key || used > 0) {
            addToCounter(iv, (used + kBlock - 1) / kBlock);
        }
        used = 0;
        position = kStream;
        // Naming the cipher again would reset the inner context and forget its key.
        const EVP_CIPHER *cipher = key || !innerStarted ? innerCipher : nullptr;
        if (EVP_EncryptInit_ex2(inner, cipher, key, iv, nullptr) != 1)
            return false;
        innerStarted = true;
        ready = ready || key != nullptr;
        return true;
    }
};

template <size_t KeyLength> void *newContext(void *)
{
    auto *ctx = new (std::nothrow) CtrContext;
    if (!ctx)
        return nullptr;
    ctx->keyLength = KeyLength;
    const char *name = KeyLength == 16 ? "AES-128-CTR" : KeyLength == 24 ? "AES-192-CTR"
                                                                       : "AES-256-CTR";
    // "provider=default" is mandatory: never our own provider again.
    ctx->innerCipher = EVP_CIPHER_fetch(nullptr, name, "provider=default");
    ctx->inner = EVP_CIPHER_CTX_new();
    if (!ctx->innerCipher || !ctx->inner) {
        delete ctx;
        return nullptr;
    }
    return ctx;
}

void freeContext(void *vctx)
{
    delete static_cast<CtrContext *>(vctx);
}

void *dupContext(void *vctx)
{
    const auto *from = static_cast<CtrContext *>(vctx);
    auto *ctx = new (std::nothrow) CtrContext;
    if (!ctx)
        return nullptr;
    ctx->keyLength = from->keyLength;
    ctx->innerCipher = from->innerCipher;
    EVP_CIPHER_up_ref(ctx->innerCipher);
    ctx->inner = EVP_CIPHER_CTX_new();
    if (!ctx->inner || EVP_CIPHER_CTX_copy(ctx->inner, from->inner) != 1) {
        delete ctx;
        return nullptr;
    }
    std::memcpy(ctx->iv, from->iv, kBlock);
    std::memcpy(ctx->stream, from->stream, kStream);
    ctx->used = from->used;
    ctx->position = from->position;
    ctx->ready = from->ready;
    ctx->innerStarted = from->innerStarted;
    return ctx;
}

int initContext(void *vctx, const unsigned char *key, size_t keyLength, const unsigned char *iv,
                size_t ivLength, const OSSL_PARAM[])
{
    return static_cast<CtrContext *>(vctx)->init(key, keyLength, iv, ivLength) ? 1 : 0;
}

int update(void *vctx, unsigned char *out, size_t *outLength, size_t outSize,
           const unsigned char *in, size_t inLength)
{
    auto *ctx = static_cast<CtrContext *>(vctx);
    if (inLength == kBlock && outSize >= kBlock && ctx->ready &&
        ctx->position + kBlock <= kStream) {
        // libssh2's call: one block, key stream at hand. Two 64-bit XORs.
        std::uint64_t data[2];
        std::uint64_t key[2];
        std::memcpy(data, in, kBlock);
        std::memcpy(key, ctx->stream + ctx->position, kBlock);
        data[0] ^= key[0];
        data[1] ^= key[1];
        std::memcpy(out, data, kBlock);
        ctx->position += kBlock;
        ctx->used += kBlock;
        *outLength = kBlock;
        return 1;
    }
    if (outSize < inLength || !ctx->crypt(out, in, inLength))
        return 0;
    *outLength = inLength;
    return 1;
}

int final(void *, unsigned char *, size_t *outLength, size_t)
{
    *outLength = 0;
    return 1;
}

template <size_t KeyLength> int getParams(OSSL_PARAM params[])
{
    OSSL_PARAM *p = nullptr;
    if ((p = OSSL_PARAM_locate(params, OSSL_CIPHER_PARAM_MODE)) &&
        !OSSL_PARAM_set_uint(p, EVP_CIPH_CTR_MODE))
        return 0;
    if ((p = OSSL_PARAM_locate(params, OSSL_CIPHER_PARAM_KEYLEN)) &&
        !OSSL_PARAM_set_size_t(p, KeyLength))
        return 0;
    if ((p = OSSL_PARAM_locate(params, OSSL_CIPHER_PARAM_IVLEN)) &&
        !OSSL_PARAM_set_size_t(p, kBlock))
        return 0;
    if ((p = OSSL_PARAM_locate(params, OSSL_CIPHER_PARAM_BLOCK_SIZE)) &&
        !OSSL_PARAM_set_size_t(p, 1))
        return 0;
    for (const char *flag : {OSSL_CIPHER_PARAM_AEAD, OSSL_CIPHER_PARAM_CUSTOM_IV,
                             OSSL_CIPHER_PARAM_CTS, OSSL_CIPHER_PARAM_TLS1_MULTIBLOCK,
                             OSSL_CIPHER_PARAM_HAS_RAND_KEY}) {
        if ((p = OSSL_PARAM_locate(params, flag)) && !OSSL_PARAM_set_int(p, 0))
            return 0;
    }
    return 1;
}

const OSSL_PARAM *gettableParams(void *)
{
    static const OSSL_PARAM params[] = {
        OSSL_PARAM_uint(OSSL_CIPHER_PARAM_MODE, nullptr),
        OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_KEYLEN, nullptr),
        OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_IVLEN, nullptr),
        OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_BLOCK_SIZE, nullptr),
        OSSL_PARAM_int(OSSL_CIPHER_PARAM_AEAD, nullptr),
        OSSL_PARAM_int(OSSL_CIPHER_PARAM_CUSTOM_IV, nullptr),
        OSSL_PARAM_int(OSSL_CIPHER_PARAM_CTS, nullptr),
        OSSL_PARAM_int(OSSL_CIPHER_PARAM_TLS1_MULTIBLOCK, nullptr),
        OSSL_PARAM_int(OSSL_CIPHER_PARAM_HAS_RAND_KEY, nullptr),
        OSSL_PARAM_END};
    return params;
}

int setOctets(OSSL_PARAM *p, const void *data, size_t size)
{
    return p->data_type == OSSL_PARAM_OCTET_PTR ? OSSL_PARAM_set_octet_ptr(p, data, size)
                                                : OSSL_PARAM_set_octet_string(p, data, size);
}

int getContextParams(void *vctx, OSSL_PARAM params[])
{
    const auto *ctx = static_cast<CtrContext *>(vctx);
    OSSL_PARAM *p = nullptr;
    if ((p = OSSL_PARAM_locate(params, OSSL_CIPHER_PARAM_KEYLEN)) &&
        !OSSL_PARAM_set_size_t(p, ctx->keyLength))
        return 0;
    if ((p = OSSL_PARAM_locate(params, OSSL_CIPHER_PARAM_IVLEN)) &&
        !OSSL_PARAM_set_size_t(p, kBlock))
        return 0;
    if ((p = OSSL_PARAM_locate(params, OSSL_CIPHER_PARAM_NUM)) &&
        !OSSL_PARAM_set_uint(p, unsigned(ctx->used % kBlock)))
        return 0;
    if ((p = OSSL_PARAM_locate(params, OSSL_CIPHER_PARAM_IV)) && !setOctets(p, ctx->iv, kBlock))
        return 0;
    if ((p = OSSL_PARAM_locate(params, OSSL_CIPHER_PARAM_UPDATED_IV))) {
        // OpenSSL's counter has moved past a partly used block already.
        unsigned char counter[kBlock];
        std::memcpy(counter, ctx->iv, kBlock);
        addToCounter(counter, (ctx->used + kBlock - 1) / kBlock);
        if (!setOctets(p, counter, kBlock))
            return 0;
    }
    return 1;
}

const OSSL_PARAM *gettableContextParams(void *, void *)
{
    static const OSSL_PARAM params[] = {
        OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_KEYLEN, nullptr),
        OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_IVLEN, nullptr),
        OSSL_PARAM_uint(OSSL_CIPHER_PARAM_NUM, nullptr),
        OSSL_PARAM_octet_string(OSSL_CIPHER_PARAM_IV, nullptr, 0),
        OSSL_PARAM_octet_string(OSSL_CIPHER_PARAM_UPDATED_IV, nullptr, 0),
        OSSL_PARAM_END};
    return params;
}

int setContextParams(void *vctx, const OSSL_PARAM params[])
{
    const auto *ctx = static_cast<CtrContext *>(vctx);
    if (const OSSL_PARAM *p = OSSL_PARAM_locate_const(params, OSSL_CIPHER_PARAM_KEYLEN)) {
        size_t length = 0;
        if (!OSSL_PARAM_get_size_t(p, &length) || length != ctx->keyLength)
            return 0;
    }
    return 1; // padding and the like mean nothing to a stream mode
}

const OSSL_PARAM *settableContextParams(void *, void *)
{
    static const OSSL_PARAM params[] = {OSSL_PARAM_size_t(OSSL_CIPHER_PARAM_KEYLEN, nullptr),
                                        OSSL_PARAM_uint(OSSL_CIPHER_PARAM_PADDING, nullptr),
                                        OSSL_PARAM_END};
    return params;
}

using Fn = void (*)();

template <size_t KeyLength> const OSSL_DISPATCH kFunctions[] = {
    {OSSL_FUNC_CIPHER_NEWCTX, reinterpret_cast<Fn>(&newContext<KeyLength>)},
    {OSSL_FUNC_CIPHER_FREECTX, reinterpret_cast<Fn>(&freeContext)},
    {OSSL_FUNC_CIPHER_DUPCTX, reinterpret_cast<Fn>(&dupContext)},
    {OSSL_FUNC_CIPHER_ENCRYPT_INIT, reinterpret_cast<Fn>(&initContext)},
    {OSSL_FUNC_CIPHER_DECRYPT_INIT, reinterpret_cast<Fn>(&initContext)},
    {OSSL_FUNC_CIPHER_UPDATE, reinterpret_cast<Fn>(&update)},
    {OSSL_FUNC_CIPHER_FINAL, reinterpret_cast<Fn>(&final)},
    {OSSL_FUNC_CIPHER_CIPHER, reinterpret_cast<Fn>(&update)},
    {OSSL_FUNC_CIPHER_GET_PARAMS, reinterpret_cast<Fn>(&getParams<KeyLength>)},
    {OSSL_FUNC_CIPHER_GETTABLE_PARAMS, reinterpret_cast<Fn>(&gettableParams)},
    {OSSL_FUNC_CIPHER_GET_CTX_PARAMS, reinterpret_cast<Fn>(&getContextParams)},
    {OSSL_FUNC_CIPHER_GETTABLE_CTX_PARAMS, reinterpret_cast<Fn>(&gettableContextParams)},
    {OSSL_FUNC_CIPHER_SET_CTX_PARAMS, reinterpret_cast<Fn>(&setContextParams)},
    {OSSL_FUNC_CIPHER_SETTABLE_CTX_PARAMS, reinterpret_cast<Fn>(&settableContextParams)},
    {0, nullptr}};

const OSSL_ALGORITHM kAlgorithms[] = {
    {"AES-128-CTR", "provider=suanli-ctr", kFunctions<16>, "AES-128-CTR, key stream ahead"},
    {"AES-192-CTR", "provider=suanli-ctr", kFunctions<24>, "AES-192-CTR, key stream ahead"},
    {"AES-256-CTR", "provider=suanli-ctr", kFunctions<32>, "AES-256-CTR, key stream ahead"},
    {nullptr, nullptr, nullptr, nullptr}};

const OSSL_ALGORITHM *queryOperation(void *, int operation, int *noStore)
{
    *noStore = 0;
    return operation == OSSL_OP_CIPHER ? kAlgorithms : nullptr;
}

const OSSL_DISPATCH kProviderFunctions[] = {
    {OSSL_FUNC_PROVIDER_QUERY_OPERATION, reinterpret_cast<Fn>(&queryOperation)}, {0, nullptr}};

int providerInit(const OSSL_CORE_HANDLE *, const OSSL_DISPATCH *, const OSSL_DISPATCH **out,
                 void **providerContext)
{
    *out = kProviderFunctions;
    *providerContext = const_cast<char *>(kProviderName);
    return 1;
}

/// Encrypts the same data with our cipher and OpenSSL's, in pieces that cross blocks and
/// refills; true when they agree.
bool agreesWithOpenSsl()
{
    unsigned char key[32];
    unsigned char iv[kBlock];
    for (size_t i = 0; i < sizeof key; ++i)
        key[i] = static_cast<unsigned char>(i * 7 + 1);
    std::memset(iv, 0xff, sizeof iv); // the counter wraps at once: carries are exercised
    static unsigned char plain[3 * kStream + 77];
    for (size_t i = 0; i < sizeof plain; ++i)
        plain[i] = static_cast<unsigned char>(i);
    static unsigned char ours[sizeof plain];
    static unsigned char theirs[sizeof plain];
    bool ok = true;
    for (const char *name : {"AES-128-CTR", "AES-256-CTR"}) {
        EVP_CIPHER *a = EVP_CIPHER_fetch(nullptr, name, "provider=suanli-ctr");
        EVP_CIPHER *b = EVP_CIPHER_fetch(nullptr, name, "provider=default");
        EVP_CIPHER_CTX *ca = EVP_CIPHER_CTX_new();
        EVP_CIPHER_CTX *cb = EVP_CIPHER_CTX_new();
        int length = 0;
        ok = ok && a && b && ca && cb && EVP_EncryptInit_ex2(ca, a, key, iv, nullptr) == 1 &&
             EVP_EncryptInit_ex2(cb, b, key, iv, nullptr) == 1 &&
             EVP_EncryptUpdate(cb, theirs, &length, plain, int(sizeof plain)) == 1;
        for (size_t at = 0, step = 1; ok && at < sizeof plain; at += step, step = step * 3 + 5) {
            step = std::min(step, sizeof plain - at);
            ok = EVP_Cipher(ca, ours + at, plain + at, unsigned(step)) > 0;
        }
        ok = ok && std::memcmp(ours, theirs, sizeof plain) == 0;
        EVP_CIPHER_CTX_free(ca);
        EVP_CIPHER_CTX_free(cb);
        EVP_CIPHER_free(a);
        EVP_CIPHER_free(b);
    }
    return ok;
}

} // namespace

QString installFastCtrProvider()
{
    if (EVP_default_properties_is_fips_enabled(nullptr))
        return QStringLiteral("FIPS mode: OpenSSL's AES-CTR kept");
    // Loading a provider by hand stops OpenSSL from loading "default" by itself: load it too.
    if (OSSL_PROVIDER_add_builtin(nullptr, kProviderName, &providerInit) != 1 ||
        !OSSL_PROVIDER_load(nullptr, "default") || !OSSL_PROVIDER_load(nullptr, kProviderName)) {
        return QStringLiteral("the suanli-ctr provider could not be loaded");
    }
    if (!agreesWithOpenSsl())
        return QStringLiteral("the suanli-ctr provider disagreed with OpenSSL: not used");
    if (EVP_set_default_properties(nullptr, "?provider=suanli-ctr") != 1)
        return QStringLiteral("OpenSSL refused the property query: not used");
    return QStringLiteral("suanli-ctr provider in use for AES-CTR");
}

QString providerOfCipher(const char *name)
{
    EVP_CIPHER *cipher = EVP_CIPHER_fetch(nullptr, name, nullptr);
    const QString provider = cipher ? QString::fromLatin1(OSSL_PROVIDER_get0_name(
                                          EVP_CIPHER_get0_provider(cipher)))
                                    : QString();
    EVP_CIPHER_free(cipher);
    return provider;
}

} // namespace suanli::ssh
