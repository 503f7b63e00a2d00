#include "hosttestbed.h"

#include "host/journal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;

namespace suanli::testing {

namespace {

int freePortBase()
{
    // Each test bed gets its own slice of ports below the kernel's ephemeral range, so beds
    // running side by side (ctest -j) do not race for one port.
    return 21000 + int(QCoreApplication::applicationPid() % 200) * 20;
}

} // namespace

QString HostTestBed::agentBinary()
{
    return QStringLiteral(SUANLI_HOST_BINARY);
}

HostTestBed::HostTestBed(const QString &iniExtra, const QString &agentExtra)
{
    m_market = std::make_unique<MarketHarness>();
    if (!m_market->ok()) {
        m_error = m_market->error();
        return;
    }
    m_lender = m_market->createAccount(u"lender"_s, {u"lender"_s});
    m_renter = m_market->createAccount(u"renter"_s, {u"renter"_s}, 100'000'000);
    auto host = m_market->post(u"/api/v1/hosts"_s, m_lender.token, {{u"name"_s, u"test-rig"_s}});
    if (host.status != 201) {
        m_error = u"register host: %1"_s.arg(QString::fromUtf8(host.body));
        return;
    }
    m_hostId = host.json.value(u"host"_s).toObject().value(u"id"_s).toInteger();
    QFile token(tokenPath());
    if (!token.open(QIODevice::WriteOnly)) {
        m_error = u"cannot write the token file"_s;
        return;
    }
    token.write(host.json.value(u"token"_s).toString().toLatin1());
    token.close();
    auto listed = m_market->request("PATCH", u"/api/v1/hosts/%1"_s.arg(m_hostId), m_lender.token,
                                    R"({"listed":true,"price_gpu_hour_micro":1000000,
                                        "price_storage_gb_month_micro":300000})");
    if (listed.status != 200) {
        m_error = u"list host: %1"_s.arg(QString::fromUtf8(listed.body));
        return;
    }
    const int base = freePortBase();
    QFile ini(configPath());
    if (!ini.open(QIODevice::WriteOnly)) {
        m_error = u"cannot write host.ini"_s;
        return;
    }
    ini.write(
        u"[host]\nstate_dir=state\naddress=127.0.0.1\nport_min=%1\nport_max=%2\n"
        "[instances]\nmemory_mb=256\npids_limit=128\ncpus=1\nstop_timeout_s=2\n"
        "[agent]\nreconnect_min_ms=100\nreconnect_max_ms=1000\nusage_interval_s=1\n"_s.arg(base)
            .arg(base + 19)
            .toUtf8() +
        agentExtra.toUtf8() + iniExtra.toUtf8());
    ini.close();
    QProcess keygen;
    keygen.start(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, u""_s, u"-C"_s,
                                   u"renter@test"_s, u"-f"_s, renterKey()});
    if (!keygen.waitForFinished(10000) || keygen.exitCode() != 0)
        m_error = u"ssh-keygen failed"_s;
}

HostTestBed::~HostTestBed()
{
    m_engine.reset();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_engine2.reset();
    removeLeftovers(m_dir.filePath(u"state"_s));
    if (m_hostId2)
        removeLeftovers(m_dir2.filePath(u"state"_s));
}

void HostTestBed::removeLeftovers(const QString &stateDir)
{
    // Whatever a failed test left: containers and volumes of that agent.
    const QString agent = [&stateDir] {
        auto j = host::Journal::open(stateDir + u"/journal.db"_s);
        return j ? (*j)->agentId() : QString();
    }();
    if (agent.isEmpty())
        return;
    QByteArray out;
    podman({u"ps"_s, u"-a"_s, u"--format"_s, u"{{.Names}}"_s, u"--filter"_s,
            u"label=suanli.agent="_s + agent},
           &out);
    for (const QByteArray &name : out.split('\n')) {
        if (!name.trimmed().isEmpty())
            podman({u"rm"_s, u"-f"_s, u"-t"_s, u"0"_s, QString::fromUtf8(name.trimmed())});
    }
    out.clear();
    podman({u"volume"_s, u"ls"_s, u"--format"_s, u"{{.Name}}"_s, u"--filter"_s,
            u"label=suanli.agent="_s + agent},
           &out);
    for (const QByteArray &name : out.split('\n')) {
        if (!name.trimmed().isEmpty())
            podman({u"volume"_s, u"rm"_s, u"-f"_s, QString::fromUtf8(name.trimmed())});
    }
}

host::HostEngine *HostTestBed::startSecondHost(const QString &iniExtra)
{
    auto lender = m_market->createAccount(u"lender-2"_s, {u"lender"_s});
    auto host = m_market->post(u"/api/v1/hosts"_s, lender.token, {{u"name"_s, u"test-rig-2"_s}});
    if (host.status != 201) {
        m_error = u"register the second host: %1"_s.arg(QString::fromUtf8(host.body));
        return nullptr;
    }
    m_hostId2 = host.json.value(u"host"_s).toObject().value(u"id"_s).toInteger();
    auto listed = m_market->request("PATCH", u"/api/v1/hosts/%1"_s.arg(m_hostId2), lender.token,
                                    R"({"listed":true,"price_gpu_hour_micro":2000000,
                                        "price_storage_gb_month_micro":300000})");
    if (listed.status != 200) {
        m_error = u"list the second host: %1"_s.arg(QString::fromUtf8(listed.body));
        return nullptr;
    }
    // Ports of their own, below the first bed's slices.
    const int base = freePortBase() - 10000;
    QFile ini(m_dir2.filePath(u"host.ini"_s));
    if (!ini.open(QIODevice::WriteOnly)) {
        m_error = u"cannot write the second host.ini"_s;
        return nullptr;
    }
    ini.write(
        u"[host]\nstate_dir=state\naddress=127.0.0.1\nport_min=%1\nport_max=%2\n"
        "[instances]\nmemory_mb=256\npids_limit=128\ncpus=1\nstop_timeout_s=2\n"
        "[agent]\nreconnect_min_ms=100\nreconnect_max_ms=1000\nusage_interval_s=1\n"_s.arg(base)
            .arg(base + 19)
            .toUtf8() +
        iniExtra.toUtf8());
    ini.close();
    auto config = host::HostConfig::load(m_dir2.filePath(u"host.ini"_s));
    if (!config) {
        m_error = config.error().message;
        return nullptr;
    }
    m_engine2 = std::make_unique<host::HostEngine>(
        host::HostEngine::Options{QUrl(m_market->baseUrl()),
                                  host.json.value(u"token"_s).toString().toLatin1(), *config},
        std::make_unique<host::NvmlGpuProbe>());
    QObject::connect(m_engine2.get(), &host::HostEngine::message, m_engine2.get(),
                     [](const QString &text) { qDebug("agent 2: %s", qPrintable(text)); });
    m_engine2->start();
    return m_engine2.get();
}

host::HostEngine *HostTestBed::startEngine()
{
    auto config = host::HostConfig::load(configPath());
    if (!config) {
        m_error = config.error().message;
        return nullptr;
    }
    QFile token(tokenPath());
    token.open(QIODevice::ReadOnly);
    m_engine = std::make_unique<host::HostEngine>(
        host::HostEngine::Options{QUrl(m_market->baseUrl()), token.readAll().trimmed(), *config},
        std::make_unique<host::NvmlGpuProbe>());
    QObject::connect(m_engine.get(), &host::HostEngine::message, m_engine.get(),
                     [](const QString &text) { qDebug("agent: %s", qPrintable(text)); });
    m_engine->start();
    return m_engine.get();
}

QProcess *HostTestBed::startProcess()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(agentBinary(), {u"run"_s, u"--market"_s, m_market->baseUrl(),
                                     u"--token-file"_s, tokenPath(), u"--config"_s, configPath()});
    m_process->waitForStarted(5000);
    return m_process.get();
}

bool HostTestBed::waitOfferListed(int timeoutMs)
{
    return poll(
        [this] {
            auto offers = m_market->get(u"/api/v1/offers"_s, m_renter.token);
            for (const QJsonValue &o : offers.json.value(u"offers"_s).toArray()) {
                if (o.toObject().value(u"host_id"_s).toInteger() == m_hostId)
                    return true;
            }
            return false;
        },
        timeoutMs);
}

qint64 HostTestBed::createInstance(const QJsonObject &extra, const QString &image)
{
    QFile pub(renterKey() + u".pub"_s);
    pub.open(QIODevice::ReadOnly);
    QJsonObject body{{u"offer_id"_s, m_hostId},
                     {u"gpu_count"_s, 0},
                     {u"image"_s, image},
                     {u"disk_gb"_s, 1},
                     {u"ssh_public_key"_s, QString::fromUtf8(pub.readAll()).trimmed()},
                     {u"label"_s, u"e2e"_s}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    auto r = m_market->post(u"/api/v1/instances"_s, m_renter.token, body);
    if (r.status != 201) {
        qWarning("create instance: %d %s", r.status, r.body.constData());
        return 0;
    }
    return r.json.value(u"id"_s).toInteger();
}

QJsonObject HostTestBed::instance(qint64 id)
{
    return m_market->get(u"/api/v1/instances/%1"_s.arg(id), m_renter.token).json;
}

QJsonObject HostTestBed::waitState(qint64 id, const QString &state, int timeoutMs)
{
    QJsonObject last;
    if (poll(
            [&] {
                last = instance(id);
                return last.value(u"state"_s).toString() == state;
            },
            timeoutMs))
        return last;
    qWarning("instance %lld: wanted %s, is %s (%s)", id, qPrintable(state),
             qPrintable(last.value(u"state"_s).toString()),
             qPrintable(last.value(u"state_reason"_s).toString()));
    return last;
}

int HostTestBed::ssh(const QJsonObject &instance, const QString &command, QByteArray *output,
                     int timeoutMs)
{
    const QJsonObject endpoint = instance.value(u"ssh"_s).toObject();
    const int port = endpoint.value(u"port"_s).toInt();
    const QString host = endpoint.value(u"host"_s).toString();
    const QString knownHosts = m_dir.filePath(u"known_hosts"_s);
    QFile kh(knownHosts);
    kh.open(QIODevice::WriteOnly | QIODevice::Truncate);
    kh.write(u"[%1]:%2 %3\n"_s.arg(host)
                 .arg(port)
                 .arg(endpoint.value(u"host_key"_s).toString())
                 .toUtf8());
    kh.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"ssh"_s, {u"-i"_s,
                       renterKey(),
                       u"-F"_s,
                       u"/dev/null"_s,
                       u"-o"_s,
                       u"StrictHostKeyChecking=yes"_s,
                       u"-o"_s,
                       u"UserKnownHostsFile="_s + knownHosts,
                       u"-o"_s,
                       u"GlobalKnownHostsFile=/dev/null"_s,
                       u"-o"_s,
                       u"BatchMode=yes"_s,
                       u"-o"_s,
                       u"IdentitiesOnly=yes"_s,
                       u"-o"_s,
                       u"ConnectTimeout=10"_s,
                       u"-p"_s,
                       QString::number(port),
                       endpoint.value(u"user"_s).toString() + u'@' + host,
                       command});
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (output)
        *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

int HostTestBed::podman(const QStringList &args, QByteArray *output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString conf = m_dir.filePath(u"state/containers.conf"_s);
    if (QFile::exists(conf))
        env.insert(u"CONTAINERS_CONF"_s, conf);
    p.setProcessEnvironment(env);
    p.start(u"podman"_s, args);
    p.waitForFinished(120000);
    if (output)
        *output = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString HostTestBed::containerState(qint64 instanceId)
{
    QByteArray state;
    if (podman({u"container"_s, u"inspect"_s, u"--format"_s, u"{{.State.Status}}"_s,
                containerName(instanceId)},
               &state) != 0)
        return {};
    return QString::fromUtf8(state.trimmed());
}

QJsonObject HostTestBed::agentStatus()
{
    QProcess status;
    status.start(agentBinary(), {u"status"_s, u"--json"_s, u"--config"_s, configPath()});
    if (!status.waitForFinished(10000) || status.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(status.readAllStandardOutput()).object();
}

QString HostTestBed::containerName(qint64 instanceId) const
{
    auto j = host::Journal::open(m_dir.filePath(u"state/journal.db"_s));
    return j ? host::ContainerRuntime::containerName((*j)->agentId(), instanceId) : QString();
}

} // namespace suanli::testing
