// Our libssh2 session against the real instance sshd (docs/ssh.md): a market and an in-process
// host agent (tests/host's HostTestBed) launch a Podman container of
// localhost/suanli/base:bookworm with Jupyter on; the test logs in with a key made by ssh/sshkey,
// checks the pin from the market's ssh.host_key (and refuses a wrong one), forwards 100 parallel
// connections to an echo server inside the instance, survives a dropped TCP connection, and
// loads real Jupyter through the URL the app opens. Without Podman or the image it fails.

#include "hosttestbed.h"
#include "tcptools.h"

#include "app/access/instanceaccess.h"
#include "protocol/json.h"
#include "ssh/session.h"
#include "ssh/sshkey.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::ssh;
using namespace suanli::ssh::test;
using namespace suanli::testing;

namespace {

constexpr quint16 kEchoPort = 7777; // inside the instance

// An asyncio echo server: one thread for all connections (the instance has pids_limit=128).
constexpr auto kEchoServer = R"PY(import asyncio
async def echo(reader, writer):
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()
    writer.close()
async def main():
    server = await asyncio.start_server(echo, '127.0.0.1', 7777, backlog=256)
    async with server:
        await server.serve_forever()
asyncio.run(main())
)PY";

struct HttpResult
{
    int status = 0;
    QUrl url; ///< after redirects
    QByteArray body;
};

HttpResult httpGet(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(15000);
    HttpResult r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->url(),
                 reply->readAll()};
    reply->deleteLater();
    return r;
}

} // namespace

class TestSshInstance : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<HostTestBed> m_bed;
    QJsonObject m_running;
    Endpoint m_endpoint;

    Identity identity() const { return {m_bed->renterKey(), {}}; }
    static SessionOptions fastOptions()
    {
        SessionOptions o;
        o.keepaliveInterval = std::chrono::seconds(2);
        o.keepaliveMaxMissed = 2;
        o.reconnectDelayMin = std::chrono::milliseconds(100);
        o.reconnectDelayMax = std::chrono::milliseconds(500);
        return o;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_bed = std::make_unique<HostTestBed>();
        QVERIFY2(m_bed->ok(), qPrintable(m_bed->error()));
        // The renter's key is ours (ssh/sshkey), not ssh-keygen's: it is the one the market gets.
        auto key = generateEd25519Key(u"renter@suanli-test"_s);
        QVERIFY(key.ok());
        QFile::remove(m_bed->renterKey());
        QFile::remove(m_bed->renterKey() + u".pub"_s);
        QVERIFY(saveKeyPair(*key, m_bed->renterKey()).ok());

        auto *engine = m_bed->startEngine();
        QVERIFY(engine);
        QTRY_COMPARE_WITH_TIMEOUT(engine->status(), host::HostEngine::Status::Online, 20000);
        QVERIFY(m_bed->waitOfferListed());
        QVERIFY2(m_bed->podman({u"image"_s, u"exists"_s, QString::fromLatin1(HostTestBed::kImage)}) ==
                     0,
                 "podman or the image localhost/suanli/base:bookworm is missing: run scripts/setup "
                 "(or scripts/build-base-image)");
        const qint64 id = m_bed->createInstance({{u"jupyter"_s, true}, {u"label"_s, u"ssh-it"_s}});
        QVERIFY(id > 0);
        m_running = m_bed->waitState(id, u"running"_s);
        QCOMPARE(m_running.value(u"state"_s).toString(), u"running"_s);
        const QJsonObject ssh = m_running.value(u"ssh"_s).toObject();
        m_endpoint = {ssh.value(u"host"_s).toString(), quint16(ssh.value(u"port"_s).toInt()),
                      ssh.value(u"user"_s).toString(), ssh.value(u"host_key"_s).toString()};
        QVERIFY(m_endpoint.hostKey.startsWith("ssh-ed25519 AAAA"_L1));

        // The far end of the forward test, started with OpenSSH (any working login will do).
        QByteArray out;
        const QString start =
            u"echo %1 | base64 -d > /tmp/echo.py && "
            "{ nohup python3 /tmp/echo.py </dev/null >/dev/null 2>&1 & }"_s
                .arg(QString::fromLatin1(QByteArray(kEchoServer).toBase64()));
        QCOMPARE(m_bed->ssh(m_running, start, &out), 0);
    }

    void cleanupTestCase() { m_bed.reset(); }

    void authenticatesWithGeneratedKeyAndPinnedHostKey()
    {
        Session session(m_endpoint, identity());
        QSignalSpy errors(&session, &Session::errorOccurred);
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 15000);
        QCOMPARE(errors.size(), 0);
    }

    void wrongPinIsRejected()
    {
        Endpoint forged = m_endpoint;
        forged.hostKey = generateEd25519Key(u"someone-else"_s).value().publicKeyLine;
        Session session(forged, identity());
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Failed, 15000);
        QCOMPARE(session.lastError().code, u"host_key_mismatch"_s);
        QVERIFY(session.lastError().message.contains(u"Security warning"_s));
    }

    void wrongKeyIsRefused()
    {
        QTemporaryDir dir;
        const QString other = dir.filePath(u"other"_s);
        QVERIFY(saveKeyPair(generateEd25519Key(u"stranger"_s).value(), other).ok());
        Session session(m_endpoint, {other, {}});
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Failed, 15000);
        QCOMPARE(session.lastError().code, u"auth_failed"_s);
    }

    void forwardCarriesDataOverHundredConnections()
    {
        Session session(m_endpoint, identity());
        auto forward = session.addForward({0, u"127.0.0.1"_s, kEchoPort});
        QVERIFY(forward.ok());
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 15000);
        // The echo server may still be starting: the channel is refused until it listens.
        QTRY_COMPARE_WITH_TIMEOUT(exchange(forward->localPort, "ping", 2000), QByteArray("ping"),
                                  15000);

        // A second forward for the burst, so that its counters are exactly the burst's.
        auto burst = session.addForward({0, u"127.0.0.1"_s, kEchoPort});
        QVERIFY(burst.ok());
        constexpr int kConnections = 100;
        constexpr qsizetype kBytes = 64 * 1024;
        EchoBurst clients(burst->localPort, kConnections, kBytes);
        QString why;
        QVERIFY2(clients.waitEchoed(30000, &why), qPrintable(why));
        QTRY_COMPARE(session.forward(burst->id).bytesFromRemote, kConnections * kBytes);
        const ForwardStats stats = session.forward(burst->id);
        QCOMPARE(stats.bytesToRemote, kConnections * kBytes);
        QCOMPARE(stats.totalConnections, kConnections);
        QCOMPARE(stats.activeConnections, kConnections);
        QCOMPARE(stats.failedConnections, 0);
        // The session goes with the connections still open: everything closes cleanly.
    }

    void reconnectsAfterDroppedConnection()
    {
        TcpRelay relay(m_endpoint.port);
        Endpoint viaRelay = m_endpoint;
        viaRelay.host = u"127.0.0.1"_s;
        viaRelay.port = relay.port();
        Session session(viaRelay, identity(), fastOptions());
        auto forward = session.addForward({0, u"127.0.0.1"_s, kEchoPort});
        QVERIFY(forward.ok());
        session.open();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(exchange(forward->localPort, "before", 2000),
                                  QByteArray("before"), 15000);
        QSignalSpy states(&session, &Session::stateChanged);
        relay.drop();
        QTRY_VERIFY_WITH_TIMEOUT(
            states.contains({QVariant::fromValue(SessionState::WaitingToReconnect)}), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionState::Connected, 15000);
        QCOMPARE(exchange(forward->localPort, "after"), QByteArray("after"));
    }

    void openSshUsesTheGeneratedConfig()
    {
        auto instance = protocol::instanceFromJson(m_running);
        QVERIFY(instance.ok());
        QTemporaryDir home;
        SshConfig config({home.filePath(u".ssh"_s), home.filePath(u"app/ssh"_s)});
        access::InstanceAccess access(*instance, m_bed->renterKey(), config, {});
        QVERIFY(access.writeSshConfig().ok());
        QProcess ssh;
        ssh.setProcessChannelMode(QProcess::MergedChannels);
        ssh.start(u"ssh"_s, {u"-F"_s, config.userConfigPath(), u"-o"_s, u"BatchMode=yes"_s,
                             access.hostAlias(), u"echo in-$HOSTNAME"_s});
        QVERIFY(ssh.waitForFinished(30000));
        const QByteArray out = ssh.readAll();
        QVERIFY2(ssh.exitCode() == 0 && out.contains("in-"), out.constData());
    }

    void jupyterAnswersThroughTheTunnel()
    {
        auto instance = protocol::instanceFromJson(m_running);
        QVERIFY(instance.ok());
        QVERIFY(instance->jupyter);
        const QString token = instance->jupyter->token;
        QVERIFY(token.size() >= 32);
        QTemporaryDir home;
        QUrl opened;
        access::InstanceAccess access(
            *instance, m_bed->renterKey(),
            SshConfig({home.filePath(u".ssh"_s), home.filePath(u"app/ssh"_s)}),
            [&opened](const QUrl &url) {
                opened = url;
                return true;
            });
        auto url = access.openJupyter();
        QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
        QCOMPARE(opened, *url);
        QCOMPARE(url->host(), u"127.0.0.1"_s);

        // What the browser does: follow the redirect to Jupyter's page (/tree for the image's
        // notebook 6, /lab for JupyterLab), logged in by the token. Jupyter may still be starting.
        QNetworkAccessManager network;
        HttpResult page;
        QTRY_VERIFY_WITH_TIMEOUT((page = httpGet(network, *url)).status == 200, 40000);
        QVERIFY2(page.body.contains("Jupyter"), page.body.left(300).constData());
        QVERIFY2(!page.url.path().startsWith(u"/login"_s), qPrintable(page.url.toString()));

        // The token is what lets us in (fresh managers: the page above left a login cookie).
        QUrl api = *url;
        api.setPath(u"/api/status"_s);
        QNetworkAccessManager withToken;
        const HttpResult status = httpGet(withToken, api);
        QCOMPARE(status.status, 200);
        QVERIFY2(status.body.contains("started"), status.body.constData());
        api.setQuery(u"token=wrong"_s);
        QNetworkAccessManager wrongToken;
        QCOMPARE(httpGet(wrongToken, api).status, 403);
        // The counters come from the session's thread: they arrive a moment after the bytes.
        QTRY_VERIFY_WITH_TIMEOUT(access.forwards().constFirst().bytesFromRemote > 0, 5000);
    }
};

QTEST_GUILESS_MAIN(TestSshInstance)
#include "tst_ssh_instance.moc"
