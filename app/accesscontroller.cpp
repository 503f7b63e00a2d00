#include "accesscontroller.h"

#include "instancelistmodel.h"
#include "sshkeys.h"

#include <QFuture>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <set>

using namespace Qt::StringLiterals;
using suanli::protocol::InstanceState;

namespace suanli::app {

namespace {

void postResult(QObject *context, std::function<void(Result<void>)> done, Result<void> result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
}

bool isSecurityError(const Error &error)
{
    return error.code == "host_key_mismatch"_L1 || error.code == "host_key_invalid"_L1;
}

} // namespace

AccessController::AccessController(InstanceListModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_configThread.setMaxThreadCount(1);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AccessController::scheduleSync);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AccessController::scheduleSync);
    connect(model, &QAbstractItemModel::modelReset, this, &AccessController::scheduleSync);
    connect(model, &QAbstractItemModel::dataChanged, this, &AccessController::scheduleSync);
}

// The pool's destructor lets a config write in flight finish (milliseconds); its answer is
// dropped with this object.
AccessController::~AccessController() = default;

void AccessController::setSshKey(SshKeys *keys, const QUrl &market)
{
    m_keys = keys;
    m_market = market;
    m_keyPath = keys ? keys->keyPath(market) : QString();
    for (auto &[id, entry] : m_entries)
        entry.access->setIdentitySource(keys ? identitySource() : nullptr);
}

access::InstanceAccess::IdentitySource AccessController::identitySource()
{
    return [this](QObject *context, std::function<void(Result<ssh::Identity>)> done) {
        if (m_keys)
            m_keys->identity(m_market, context, std::move(done));
        else
            done(ssh::Identity{m_keyPath, {}});
    };
}

void AccessController::supplyPassphrase(const QString &passphrase, QObject *context,
                                        std::function<void(Result<void>)> done)
{
    QPointer<QObject> guard(context);
    if (!m_keys) {
        return postResult(context, std::move(done),
                          makeError(u"ssh_key_error"_s, tr("There is no SSH key to unlock.")));
    }
    m_keys->rememberPassphrase(m_market, passphrase, this,
                               [this, guard, done = std::move(done)](Result<void> stored) {
        if (stored) {
            for (auto &[id, entry] : m_entries) {
                if (entry.access->needsPassphrase())
                    entry.access->retryConnection();
            }
        }
        if (guard)
            done(stored);
    });
}

access::InstanceAccess *AccessController::access(qint64 instanceId) const
{
    const auto it = m_entries.find(instanceId);
    const protocol::Instance *instance = m_model->find(instanceId);
    if (it == m_entries.end() || !instance || instance->state != InstanceState::Running
        || !instance->ssh)
        return nullptr;
    return it->second.access.get();
}

bool AccessController::configWritten(qint64 instanceId) const
{
    const auto it = m_entries.find(instanceId);
    const protocol::Instance *instance = m_model->find(instanceId);
    return it != m_entries.end() && instance && it->second.written && instance->ssh
        && *it->second.written == *instance->ssh;
}

void AccessController::scheduleSync()
{
    // The list changes in bursts (a reload, one tick a second for every row): once per turn.
    if (m_syncQueued)
        return;
    m_syncQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_syncQueued = false;
        sync();
    });
}

void AccessController::sync()
{
    std::set<qint64> present;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const protocol::Instance &in = m_model->instance(row);
        present.insert(in.id);
        auto it = m_entries.find(in.id);
        if (it == m_entries.end()) {
            if (in.state != InstanceState::Running || !in.ssh)
                continue;
            Entry entry;
            entry.access = std::make_unique<access::InstanceAccess>(
                in, m_keyPath, ssh::SshConfig(m_paths), m_openUrl);
            const qint64 id = in.id;
            if (m_keys)
                entry.access->setIdentitySource(identitySource());
            connect(entry.access.get(), &access::InstanceAccess::errorOccurred, this,
                    [this, id](const Error &error) {
                if (isSecurityError(error))
                    emit securityError(id, error);
                else if (error.code == "ssh_key_passphrase"_L1)
                    emit passphraseNeeded(id, error);
                else
                    emit errorOccurred(id, error);
            });
            it = m_entries.emplace(in.id, std::move(entry)).first;
            emit accessChanged(in.id);
        } else {
            const bool wasRunning = access(in.id) != nullptr;
            it->second.access->setInstance(in);
            if (wasRunning != (access(in.id) != nullptr))
                emit accessChanged(in.id);
        }
        if (in.state == InstanceState::Running && in.ssh && !it->second.writing
            && it->second.written != in.ssh)
            writeConfig(in.id);
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (present.count(it->first)) {
            ++it;
            continue;
        }
        // Gone from the list: destroyed. Its tunnels close with it, its config goes.
        const qint64 id = it->first;
        removeConfig(it->second.access->hostAlias());
        it = m_entries.erase(it);
        emit accessChanged(id);
    }
}

void AccessController::writeConfig(qint64 id)
{
    Entry &entry = m_entries.at(id);
    const protocol::Instance *in = m_model->find(id);
    const protocol::SshEndpoint endpoint = *in->ssh;
    const ssh::SshHostEntry host{entry.access->hostAlias(),
                                 endpoint.host,
                                 quint16(endpoint.port),
                                 endpoint.user,
                                 m_keyPath,
                                 endpoint.host_key,
                                 ssh::endpointFromProtocol(endpoint).jump};
    entry.writing = true;
    const ssh::SshConfig config(m_paths);
    // QFuture wants a default-constructible result, hence the optional.
    using Outcome = std::optional<std::pair<Result<void>, QList<ssh::SshConfigWarning>>>;
    QtConcurrent::run(&m_configThread, [config, host]() -> Outcome {
        ssh::SshConfig c = config;
        auto written = c.writeHost(host);
        return std::pair(written, written ? c.overrideWarnings(host.alias)
                                          : QList<ssh::SshConfigWarning>());
    }).then(this, [this, id, endpoint](Outcome outcome) {
        auto it = m_entries.find(id);
        if (it == m_entries.end())
            return; // destroyed meanwhile: sync() removed the file after this write
        it->second.writing = false;
        if (!outcome->first) {
            emit configFailed(id, outcome->first.error());
            return;
        }
        const bool first = !it->second.written.has_value();
        it->second.written = endpoint;
        if (first && !outcome->second.isEmpty())
            emit configWarnings(id, outcome->second);
        emit accessChanged(id);
        scheduleSync(); // the endpoint may have moved while the file was written
    });
}

void AccessController::removeConfig(const QString &alias)
{
    const ssh::SshConfig config(m_paths);
    (void)QtConcurrent::run(&m_configThread, [config, alias] {
        ssh::SshConfig c = config;
        // Nothing to tell: the instance is gone; a file left behind matches no instance.
        (void)c.removeHost(alias);
    });
}

} // namespace suanli::app
