// suanli-market --config FILE (docs/market.md, "Configuration file"): the parser, and the real
// binary reading a file (the command line wins, errors name file and line, exit 2).

#include "server/marketconfig.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using suanli::server::MarketConfig;

namespace {

const QStringList kKeys = {u"db"_s, u"listen"_s, u"relay"_s, u"currency"_s};

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runMarket(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(SUANLI_MARKET_BIN), args);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.err = u"timed out"_s;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestMarketConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void parsesKeysCommentsAndRepeats()
    {
        auto c = MarketConfig::parse("# a comment\n\n  db = sqlite:/tmp/x.db  \nlisten=1.2.3.4:5\n"
                                     "relay = a:1=k.pub\nrelay = b:2=k.pub\ncurrency = \"USD\"\n",
                                     u"m.conf"_s, kKeys, {u"relay"_s});
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        QCOMPARE(c->entries().size(), 5);
        QCOMPARE(c->entries()[0].key, u"db"_s);
        QCOMPARE(c->entries()[0].value, u"sqlite:/tmp/x.db"_s);
        QCOMPARE(c->entries()[0].line, 3);
        QCOMPARE(c->entries()[1].value, u"1.2.3.4:5"_s);
        QCOMPARE(c->entries()[4].value, u"USD"_s);
        // The command line's keys are left out; the file's go before the command line.
        const QStringList merged =
            c->merged({u"prog"_s, u"serve"_s, u"--relay"_s, u"c:3=k"_s}, {u"relay"_s});
        QCOMPARE(merged,
                 (QStringList{u"prog"_s, u"--db=sqlite:/tmp/x.db"_s, u"--listen=1.2.3.4:5"_s,
                              u"--currency=USD"_s, u"serve"_s, u"--relay"_s, u"c:3=k"_s}));
    }

    void errorsNameFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key")
            << QByteArray("db = x\n# c\nlisen = 1\n") << u"m.conf:3: unknown key 'lisen'"_s;
        QTest::newRow("no equals")
            << QByteArray("\ndb sqlite:x\n") << u"m.conf:2: expected `key = value`"_s;
        QTest::newRow("no key") << QByteArray("= x\n") << u"m.conf:1: a key is missing"_s;
        QTest::newRow("no value") << QByteArray("db =\n") << u"m.conf:1: 'db' has no value"_s;
        QTest::newRow("twice") << QByteArray("db = a\ndb = b\n")
                               << u"m.conf:2: 'db' is already set on line 1"_s;
    }
    void errorsNameFileAndLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        auto c = MarketConfig::parse(text, u"m.conf"_s, kKeys, {u"relay"_s});
        QVERIFY(!c);
        QVERIFY2(c.error().message.startsWith(message), qPrintable(c.error().message));
    }

    void binaryReadsTheFileAndTheCommandLineWins()
    {
        QVERIFY(m_dir.isValid());
        const QString fileDb = m_dir.filePath(u"file.db"_s);
        const QString cliDb = m_dir.filePath(u"cli.db"_s);
        const QString conf = write(u"market.conf"_s,
                                   "# test\ndb = sqlite:" + fileDb.toUtf8() + "\nroles = lender\n");
        Run r = runMarket({u"admin"_s, u"--config"_s, conf, u"create-account"_s, u"alice"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(fileDb));
        QVERIFY(!QFile::exists(cliDb));
        // --db on the command line wins over the file's db.
        r = runMarket({u"admin"_s, u"--config"_s, conf, u"--db"_s, u"sqlite:"_s + cliDb,
                       u"create-account"_s, u"bob"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(cliDb));
        // bob is not in the file's database: issuing him a token there fails.
        r = runMarket({u"admin"_s, u"--config"_s, conf, u"issue-token"_s, u"bob"_s});
        QVERIFY(r.exitCode != 0);
        r = runMarket({u"admin"_s, u"--config"_s, conf, u"issue-token"_s, u"alice"_s});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith(u"sk_"_s), qPrintable(r.err));
    }

    void binaryServesFromTheFile()
    {
        const QString conf =
            write(u"serve.conf"_s, "db = sqlite:" + m_dir.filePath(u"serve.db"_s).toUtf8() +
                                       "\nlisten = 127.0.0.1:0\n");
        QProcess market;
        market.start(QStringLiteral(SUANLI_MARKET_BIN), {u"serve"_s, u"--config"_s, conf});
        QVERIFY(market.waitForStarted());
        QString line;
        for (int i = 0; i < 100 && !line.contains(u'\n'); ++i) {
            market.waitForReadyRead(200);
            line += QString::fromUtf8(market.readAllStandardOutput());
        }
        const auto m =
            QRegularExpression(u"listening on http://127\\.0\\.0\\.1:(\\d+)"_s).match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line + QString::fromUtf8(market.readAllStandardError())));
        QNetworkAccessManager network;
        QNetworkReply *reply =
            network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/healthz"_s.arg(m.captured(1)))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        market.terminate();
        if (!market.waitForFinished(5000)) {
            market.kill();
            market.waitForFinished();
        }
    }

    void binaryRejectsABadFile()
    {
        const QString conf = write(u"bad.conf"_s, "db = sqlite:/nonexistent/x.db\n\nlisen = 1\n");
        Run r = runMarket({u"serve"_s, u"--config"_s, conf});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(conf + u":3: unknown key 'lisen'"_s), qPrintable(r.err));
        r = runMarket({u"serve"_s, u"--config"_s, m_dir.filePath(u"missing.conf"_s)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"cannot read"_s), qPrintable(r.err));
        // relay-authorize, sshd's AuthorizedKeysCommand, exits 0 whatever happens.
        r = runMarket({u"relay-authorize"_s, u"--config"_s, conf, u"suanli"_s, u"t"_s, u"k"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
    }

    void binaryRefusesMoneyOptionsOutOfRange()
    {
        // The top-up expiry and the webhook's tolerance are checked before anything starts.
        const QString db = u"sqlite:"_s + m_dir.filePath(u"money.db"_s);
        const struct
        {
            QString option;
            QString value;
        } bad[] = {{u"--topup-expiry-hours"_s, u"0"_s},
                   {u"--topup-expiry-hours"_s, u"1.5"_s},
                   {u"--webhook-tolerance-s"_s, u"3601"_s},
                   {u"--webhook-tolerance-s"_s, u"x"_s}};
        for (const auto &b : bad) {
            const Run r = runMarket(
                {u"serve"_s, u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s, b.option, b.value});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(b.option + u" takes a whole number"_s), qPrintable(r.err));
        }
    }

    void relayConfigTakesServesRelayLine()
    {
        const QString key = m_dir.filePath(u"relay_key"_s);
        QCOMPARE(QProcess::execute(u"ssh-keygen"_s,
                                   {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, u""_s, u"-f"_s, key}),
                 0);
        const QString conf =
            write(u"relay.conf"_s,
                  "db = sqlite:" + m_dir.filePath(u"relay.db"_s).toUtf8() +
                      "\nlisten = 127.0.0.1:8443\nrelay = relay.example.org:2222=" + key.toUtf8() +
                      ".pub\n");
        // The command line's --listen (the sshd's) wins over the market's listen line.
        Run r = runMarket({u"relay-config"_s, u"--config"_s, conf, u"--listen"_s, u"0.0.0.0:2222"_s,
                           u"--host-key"_s, key});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"--relay relay.example.org:2222 %u %t %k"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"\nPort 2222\n"_s), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestMarketConfig)
#include "tst_marketconfig.moc"
