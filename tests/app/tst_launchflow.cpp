// Catalog → launch → SSH without a window: the app context in local mode (the real market in
// this process on loopback, the real host agent engine lending this machine on Podman, image
// localhost/suanli/base:bookworm), an offer picked through the catalog controller and its
// model, a launch through InstancesController::launch (which puts the app's public key into
// the request itself), a real SSH session with the app's own key against the pinned host key,
// a command run, then destroy. Without Podman or the image the test fails: it never skips.

#include "app/appcontext.h"
#include "support/podmancli.h"
#include "ssh/blockingsession.h"

#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;
using suanli::protocol::InstanceState;

namespace {
constexpr auto kImage = "localhost/suanli/base:bookworm";


} // namespace

class TestLaunchFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Settings, data, HOME (the app writes ~/.ssh/config entries) and no keychain: this
        // run's own.
        const QString root = m_dir.path();
        qputenv("XDG_CONFIG_HOME", (root + u"/config"_s).toLocal8Bit());
        qputenv("XDG_DATA_HOME", (root + u"/data"_s).toLocal8Bit());
        qputenv("HOME", (root + u"/home"_s).toLocal8Bit());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"SuanliTest"_s);
        QCoreApplication::setApplicationName(u"suanli-launchflow-"_s + QFileInfo(root).fileName());
        app::Settings settings(m_dir.filePath(u"settings.ini"_s));
        settings.setDataFolder(m_dir.filePath(u"suanli-data"_s));
        settings.setMode(app::Settings::Mode::Local);
        settings.sync();
        QVERIFY2(
            podman({u"image"_s, u"exists"_s, QString::fromLatin1(kImage)}, {}) == 0,
            "podman or the image localhost/suanli/base:bookworm is missing: run scripts/setup");
    }

    void catalogLaunchSshDestroy()
    {
        app::AppContext::Options options;
        options.settingsIni = m_dir.filePath(u"settings.ini"_s);
        options.secrets = std::make_unique<app::MemorySecretStore>();
        app::AppContext context(std::move(options));
        app::Session *session = context.session();
        context.startLocal();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), app::Session::State::Ready, 15000);
        QVERIFY(session->isLocal());
        app::LocalHost *host = context.localHost();
        QVERIFY(host);
        QTRY_VERIFY2_WITH_TIMEOUT(host->state() == app::LocalHost::State::Lending,
                                  qPrintable(host->detail()), 30000);

        // The offer of this machine, through the catalog's controller and its filtered model.
        app::CatalogController *catalog = session->catalog();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                catalog->reload();
                return QTest::qWaitFor([&] { return catalog->proxy()->rowCount() == 1; }, 1000);
            }(),
            15000);
        const protocol::Offer offer = catalog->proxy()->offerAt(0);
        QVERIFY(offer.id > 0);

        // The request as the launch dialog makes it, without a key: the controller adds it.
        protocol::CreateInstanceRequest request;
        request.offer_id = offer.id;
        request.gpu_count = 0; // a CPU machine is rented whole
        request.image = QString::fromLatin1(kImage);
        request.disk_gb = 10;
        request.label = u"launch-flow"_s;
        app::InstancesController *instances = session->instances();
        QSignalSpy launched(instances, &app::InstancesController::launched);
        QSignalSpy failed(instances, &app::InstancesController::launchFailed);
        instances->launch(request);
        QVERIFY(launched.wait(30000));
        QCOMPARE(failed.size(), 0);

        app::InstanceListModel *model = instances->model();
        QCOMPARE(model->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(int(model->instance(0).state), int(InstanceState::Running),
                                  90000);
        const protocol::Instance instance = model->instance(0);
        QVERIFY(instance.ssh.has_value());
        QVERIFY(instance.ssh->host_key.startsWith(u"ssh-ed25519 "_s));

        // In with the app's own key (the one the launch sent) against the pinned host key.
        std::optional<Result<ssh::Identity>> identity;
        context.keys()->identity(session->marketUrl(), this,
                                 [&identity](Result<ssh::Identity> r) { identity = std::move(r); });
        QTRY_VERIFY(identity.has_value());
        QVERIFY2(identity->ok(), identity->ok() ? "" : qPrintable(identity->error().message));
        QCOMPARE((*identity)->privateKeyPath, context.keys()->keyPath(session->marketUrl()));
        const ssh::Endpoint endpoint{instance.ssh->host, quint16(instance.ssh->port),
                                     instance.ssh->user, instance.ssh->host_key};
        {
            auto ssh = std::make_unique<ssh::BlockingSession>();
            QString why;
            QTRY_VERIFY2_WITH_TIMEOUT(
                [&] {
                    ssh = std::make_unique<ssh::BlockingSession>();
                    const Result<void> connected = ssh->connect(endpoint, **identity);
                    why = connected ? QString() : connected.error().message;
                    return connected.ok();
                }(),
                qPrintable(why), 20000);
            auto ran = ssh->exec("echo launch-flow $((6 * 7)) $(id -un)");
            QVERIFY2(ran.ok(), ran.ok() ? "" : qPrintable(ran.error().message));
            QCOMPARE(ran->exitStatus, 0);
            QCOMPARE(ran->out.trimmed(), "launch-flow 42 " + instance.ssh->user.toUtf8());
            // A host key other than the pinned one is refused.
            ssh::Endpoint forged = endpoint;
            forged.hostKey =
                u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"_s;
            ssh::BlockingSession refused;
            QVERIFY(!refused.connect(forged, **identity).ok());
        }

        // Destroy: the row goes.
        instances->destroy(instance.id);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 30000);
    }

    void cleanupTestCase()
    {
        // Whatever a failed run left behind: this agent's containers and volumes.
        const QString state = m_dir.filePath(u"suanli-data/host"_s);
        testing::removeAgentLeftovers(state);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestLaunchFlow)
#include "tst_launchflow.moc"
