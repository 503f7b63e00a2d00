#include "ssh/ctrprovider.h"
#include "ssh/libssh2support.h"

#include <QRandomGenerator>
#include <QTest>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/provider.h>

#include <memory>

using namespace suanli::ssh;

namespace {

using Cipher = std::unique_ptr<EVP_CIPHER, decltype(&EVP_CIPHER_free)>;
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Cipher fetch(const char *name, const char *properties)
{
    return Cipher(EVP_CIPHER_fetch(nullptr, name, properties), &EVP_CIPHER_free);
}

Ctx newCtx()
{
    return Ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::global()->generate());
    return data;
}

const uchar *u(const QByteArray &a)
{
    return reinterpret_cast<const uchar *>(a.constData());
}

/// Runs `data` through ctx in pieces of random size (1 byte to 40 KiB), as EVP_Cipher() calls —
/// the way libssh2 uses it — or EVP_CipherUpdate() calls.
QByteArray inPieces(EVP_CIPHER_CTX *ctx, const QByteArray &data, bool viaEvpCipher)
{
    QByteArray out(data.size(), Qt::Uninitialized);
    for (qsizetype at = 0; at < data.size();) {
        const qsizetype piece =
            qMin<qsizetype>(data.size() - at, 1 + QRandomGenerator::global()->bounded(40000));
        auto *o = reinterpret_cast<uchar *>(out.data()) + at;
        if (viaEvpCipher) {
            if (EVP_Cipher(ctx, o, u(data) + at, unsigned(piece)) <= 0)
                return {};
        } else {
            int length = 0;
            if (EVP_CipherUpdate(ctx, o, &length, u(data) + at, int(piece)) != 1 ||
                length != piece)
                return {};
        }
        at += piece;
    }
    return out;
}

QByteArray counterParam(EVP_CIPHER_CTX *ctx, const char *name)
{
    QByteArray value(16, '\0');
    OSSL_PARAM params[] = {OSSL_PARAM_octet_string(name, value.data(), size_t(value.size())),
                           OSSL_PARAM_END};
    return EVP_CIPHER_CTX_get_params(ctx, params) == 1 ? value : QByteArray();
}

} // namespace

/// The AES-CTR provider that takes libssh2 1.10's per-block calls (ssh/ctrprovider.h): its
/// output must be OpenSSL's AES-CTR, byte for byte, however the data is cut.
class TestCtrProvider : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { ensureLibssh2Initialised(); }

    void isPreferredForAesCtrOnly()
    {
        QCOMPARE(providerOfCipher("AES-128-CTR"), QStringLiteral("suanli-ctr"));
        QCOMPARE(providerOfCipher("aes-256-ctr"), QStringLiteral("suanli-ctr"));
        QCOMPARE(providerOfCipher("AES-128-GCM"), QStringLiteral("default"));
        QCOMPARE(providerOfCipher("AES-128-CBC"), QStringLiteral("default"));
        QCOMPARE(providerOfCipher("ChaCha20-Poly1305"), QStringLiteral("default"));
        // libssh2 passes OpenSSL's legacy objects; EVP fetches by name with the default query.
        Ctx ctx = newCtx();
        const QByteArray key(16, 'k');
        const QByteArray iv(16, 'i');
        QVERIFY(EVP_CipherInit(ctx.get(), EVP_aes_128_ctr(), u(key), u(iv), 1) == 1);
        QCOMPARE(QString::fromLatin1(OSSL_PROVIDER_get0_name(
                     EVP_CIPHER_get0_provider(EVP_CIPHER_CTX_get0_cipher(ctx.get())))),
                 QStringLiteral("suanli-ctr"));
    }

    void matchesOpenSsl_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<int>("keyLength");
        QTest::addColumn<bool>("viaEvpCipher");
        QTest::addColumn<bool>("encrypt");
        for (const auto &[name, keyLength] :
             {std::pair{"AES-128-CTR", 16}, {"AES-192-CTR", 24}, {"AES-256-CTR", 32}}) {
            for (bool viaEvpCipher : {true, false}) {
                for (bool encrypt : {true, false}) {
                    QTest::addRow("%s %s %s", name, viaEvpCipher ? "EVP_Cipher" : "update",
                                  encrypt ? "encrypt" : "decrypt")
                        << QByteArray(name) << keyLength << viaEvpCipher << encrypt;
                }
            }
        }
    }

    void matchesOpenSsl()
    {
        QFETCH(QByteArray, name);
        QFETCH(int, keyLength);
        QFETCH(bool, viaEvpCipher);
        QFETCH(bool, encrypt);
        const Cipher ours = fetch(name.constData(), "provider=suanli-ctr");
        const Cipher theirs = fetch(name.constData(), "provider=default");
        QVERIFY(ours && theirs);
        for (int round = 0; round < 20; ++round) {
            const QByteArray key = randomBytes(keyLength);
            QByteArray iv = randomBytes(16);
            if (round % 3 == 0)
                iv.fill(char(0xff), 12); // the low 32 bits and beyond carry soon
            const QByteArray data =
                randomBytes(1 + QRandomGenerator::global()->bounded(300 * 1024));
            Ctx a = newCtx();
            Ctx b = newCtx();
            QVERIFY(EVP_CipherInit_ex2(a.get(), ours.get(), u(key), u(iv), encrypt, nullptr));
            QVERIFY(EVP_CipherInit_ex2(b.get(), theirs.get(), u(key), u(iv), encrypt, nullptr));
            const QByteArray expected = inPieces(b.get(), data, false);
            QCOMPARE(inPieces(a.get(), data, viaEvpCipher), expected);
            QCOMPARE(counterParam(a.get(), OSSL_CIPHER_PARAM_UPDATED_IV),
                     counterParam(b.get(), OSSL_CIPHER_PARAM_UPDATED_IV));
            QCOMPARE(EVP_CIPHER_CTX_get_num(a.get()), EVP_CIPHER_CTX_get_num(b.get()));

            // A copy goes on from the same point.
            Ctx copy = newCtx();
            QVERIFY(EVP_CIPHER_CTX_copy(copy.get(), a.get()));
            const QByteArray more = randomBytes(5000);
            const QByteArray next = inPieces(b.get(), more, false);
            QCOMPARE(inPieces(copy.get(), more, viaEvpCipher), next);

            // A new key without an IV goes on from the next whole block, as OpenSSL's does;
            // a new IV starts over there.
            const QByteArray key2 = randomBytes(keyLength);
            QVERIFY(EVP_CipherInit_ex2(copy.get(), nullptr, u(key2), nullptr, encrypt, nullptr));
            QVERIFY(EVP_CipherInit_ex2(b.get(), nullptr, u(key2), nullptr, encrypt, nullptr));
            QCOMPARE(inPieces(copy.get(), more, viaEvpCipher), inPieces(b.get(), more, false));
            const QByteArray iv2 = randomBytes(16);
            QVERIFY(EVP_CipherInit_ex2(copy.get(), nullptr, nullptr, u(iv2), encrypt, nullptr));
            QVERIFY(EVP_CipherInit_ex2(b.get(), nullptr, nullptr, u(iv2), encrypt, nullptr));
            QCOMPARE(inPieces(copy.get(), more, viaEvpCipher), inPieces(b.get(), more, false));
        }
    }

    void refusesAWrongKeyLength()
    {
        const Cipher ours = fetch("AES-128-CTR", "provider=suanli-ctr");
        QCOMPARE(EVP_CIPHER_get_key_length(ours.get()), 16);
        QCOMPARE(EVP_CIPHER_get_iv_length(ours.get()), 16);
        QCOMPARE(EVP_CIPHER_get_block_size(ours.get()), 1);
        QCOMPARE(EVP_CIPHER_get_mode(ours.get()), EVP_CIPH_CTR_MODE);
        Ctx ctx = newCtx();
        QVERIFY(EVP_EncryptInit_ex2(ctx.get(), ours.get(), nullptr, nullptr, nullptr));
        QCOMPARE(EVP_CIPHER_CTX_set_key_length(ctx.get(), 32), 0);
        // Data before any key is an error, never plain text passed through.
        unsigned char out[16];
        const unsigned char in[16] = {};
        QVERIFY(EVP_Cipher(ctx.get(), out, in, sizeof in) <= 0);
    }
};

QTEST_GUILESS_MAIN(TestCtrProvider)
#include "tst_ctrprovider.moc"
