#include "instanceaccess.h"

#include "accesslinks.h"
#include "terminallauncher.h"

using namespace Qt::StringLiterals;

namespace suanli::access {

namespace {

constexpr quint16 kJupyterPort = 8888; // docs/host.md: Jupyter on the instance's 127.0.0.1:8888

} // namespace

InstanceAccess::InstanceAccess(const protocol::Instance &instance, QString privateKeyPath,
                               ssh::SshConfig config, OpenUrl openUrl, ssh::SessionOptions options,
                               QObject *parent)
    : QObject(parent)
    , m_instance(instance)
    , m_privateKeyPath(std::move(privateKeyPath))
    , m_config(std::move(config))
    , m_openUrl(std::move(openUrl))
    , m_options(options)
{}

InstanceAccess::~InstanceAccess() = default;

QString InstanceAccess::hostAlias() const
{
    return ssh::SshConfig::hostAlias(m_instance.label.isEmpty() ? QString::number(m_instance.id)
                                                                : m_instance.label);
}

void InstanceAccess::setInstance(const protocol::Instance &instance)
{
    const bool endpointChanged = instance.ssh != m_instance.ssh;
    m_instance = instance;
    if (instance.state != protocol::InstanceState::Running || endpointChanged)
        closeSession();
}

Result<void> InstanceAccess::writeSshConfig()
{
    if (!m_instance.ssh)
        return makeError(QStringLiteral("no_ssh"), tr("The instance has no SSH address yet."));
    const protocol::SshEndpoint &ssh = *m_instance.ssh;
    return m_config.writeHost({hostAlias(), ssh.host, quint16(ssh.port), ssh.user, m_privateKeyPath,
                               ssh.host_key, ssh::endpointFromProtocol(ssh).jump});
}

Result<void> InstanceAccess::removeSshConfig()
{
    return m_config.removeHost(hostAlias());
}

QList<ssh::SshConfigWarning> InstanceAccess::configWarnings() const
{
    return m_config.overrideWarnings(hostAlias());
}

Result<void> InstanceAccess::openTerminal(const TerminalLauncher &launcher)
{
    if (auto written = writeSshConfig(); !written)
        return written;
    return launcher.launch(hostAlias());
}

QUrl InstanceAccess::vscodeUrl() const
{
    return access::vscodeUrl(hostAlias());
}

QString InstanceAccess::sshCommand() const
{
    return access::sshCommand(hostAlias());
}

Result<QUrl> InstanceAccess::openJupyter()
{
    if (!m_instance.jupyter)
        return makeError(QStringLiteral("no_jupyter"),
                         tr("Jupyter was not enabled when this instance was created."));
    if (!m_session || m_jupyterForward == 0 ||
        m_session->forward(m_jupyterForward).id != m_jupyterForward) {
        auto forward = addForward(m_instance.jupyter->port > 0 ? quint16(m_instance.jupyter->port)
                                                               : kJupyterPort);
        if (!forward)
            return forward.error();
        m_jupyterForward = forward->id;
    }
    const QUrl url =
        jupyterUrl(m_session->forward(m_jupyterForward).localPort, m_instance.jupyter->token);
    // The browser's connection waits in the forward until the session is up, so open at once.
    if (m_openUrl)
        m_openUrl(url);
    return url;
}

Result<ssh::ForwardStats> InstanceAccess::addForward(quint16 remotePort, quint16 localPort)
{
    auto session = ensureSession();
    if (!session)
        return session.error();
    auto added = (*session)->addForward({localPort, QStringLiteral("127.0.0.1"), remotePort});
    // A session that stopped for want of the key's passphrase tries again (and asks again).
    if (added && m_needsPassphrase)
        retryConnection();
    return added;
}

void InstanceAccess::removeForward(int id)
{
    if (!m_session)
        return;
    m_session->removeForward(id);
    emit forwardRemoved(id);
}

QList<ssh::ForwardStats> InstanceAccess::forwards() const
{
    return m_session ? m_session->forwards() : QList<ssh::ForwardStats>();
}

ssh::SessionState InstanceAccess::sessionState() const
{
    return m_session ? m_session->state() : ssh::SessionState::Idle;
}

Result<ssh::Session *> InstanceAccess::ensureSession()
{
    if (m_session)
        return m_session.get();
    if (m_instance.state != protocol::InstanceState::Running || !m_instance.ssh)
        return makeError(QStringLiteral("not_running"), tr("The instance is not running."));
    const auto &endpoint = *m_instance.ssh;
    // The session (and so the forwards' local ports) exists at once; it connects once the
    // identity is known. Connections accepted meanwhile wait in the kernel.
    m_session = std::make_unique<ssh::Session>(ssh::endpointFromProtocol(endpoint),
                                               ssh::Identity{m_privateKeyPath, {}}, m_options);
    connect(m_session.get(), &ssh::Session::stateChanged, this,
            &InstanceAccess::sessionStateChanged);
    connect(m_session.get(), &ssh::Session::errorOccurred, this, &InstanceAccess::onError);
    connect(m_session.get(), &ssh::Session::forwardChanged, this, &InstanceAccess::forwardChanged);
    startSession();
    return m_session.get();
}

void InstanceAccess::startSession()
{
    m_needsPassphrase = false;
    if (!m_identitySource) {
        m_session->open();
        return;
    }
    const quint64 generation = ++m_sessionGeneration;
    m_identitySource(this, [this, generation](Result<ssh::Identity> identity) {
        if (!m_session || generation != m_sessionGeneration)
            return; // closed or replaced meanwhile
        if (!identity) {
            onError(identity.error());
            return;
        }
        m_session->setIdentity(*identity);
        m_session->open();
    });
}

void InstanceAccess::retryConnection()
{
    if (!m_session)
        return;
    const ssh::SessionState state = m_session->state();
    if (state == ssh::SessionState::Idle || state == ssh::SessionState::Failed)
        startSession();
}

void InstanceAccess::onError(const Error &error)
{
    if (error.code == "ssh_key_passphrase"_L1)
        m_needsPassphrase = true;
    emit errorOccurred(error);
}

void InstanceAccess::closeSession()
{
    if (!m_session)
        return;
    const auto open = m_session->forwards();
    m_session.reset();
    ++m_sessionGeneration;
    m_needsPassphrase = false;
    m_jupyterForward = 0;
    for (const auto &forward : open)
        emit forwardRemoved(forward.id);
    emit sessionStateChanged(ssh::SessionState::Idle);
}

} // namespace suanli::access
