#include "hostengine.h"

#include "ssh/reverseforwarder.h"
#include "ssh/sshkey.h"

#include <QHostAddress>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace suanli::host {

using protocol::InstanceState;

// How renters reach this host (docs/host.md "Network", docs/relay.md): direct on the published
// ports, or through the market's relay sshd with one reverse forward per instance.

bool HostEngine::prepareNetwork()
{
    const HostConfig &c = m_options.config;
    m_relayPublicKey.clear();
    m_probeListener.reset();
    if (c.networkMode == "direct"_L1)
        return true;
    // The relay key is the agent's own, apart from every instance key: the relay learns only
    // which ports it may listen on (D6 in docs/decisions.md).
    auto key = ssh::loadOrCreateKeyPair(c.relayKeyPath(), u"suanli-host relay"_s);
    if (!key) {
        setStatus(Status::Failed);
        emit failed(makeError(u"relay_key_failed"_s, u"cannot make the relay key %1: %2"_s.arg(
                                                         c.relayKeyPath(), key.error().message)));
        return false;
    }
    // "type base64", as the relay's AuthorizedKeysCommand sees it (%t %k).
    m_relayPublicKey = key->publicKeyLine.section(u' ', 0, 1);
    if (c.networkMode == "auto"_L1) {
        // The market connects here from outside to learn whether the advertised address is
        // reachable (D5); every connection gets the line and is closed.
        m_probeListener = std::make_unique<QTcpServer>();
        const QString bind = c.bindAddress.isEmpty() ? c.address : c.bindAddress;
        if (!m_probeListener->listen(QHostAddress(bind), 0)) {
            emit message(u"network: cannot listen for the market's probe on %1: %2; the market "
                         "will relay this host"_s.arg(bind, m_probeListener->errorString()));
            m_probeListener.reset();
            return true;
        }
        QTcpServer *server = m_probeListener.get();
        connect(server, &QTcpServer::newConnection, this, [server] {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                socket->write("suanli-host-probe\n");
                socket->disconnectFromHost();
            }
        });
    }
    return true;
}

void HostEngine::applyVerdict(const QString &network)
{
    const HostConfig &c = m_options.config;
    const bool relayed = network == "relay"_L1;
    if (network != m_network)
        emit message(relayed ? u"network: relayed (instance ports on 127.0.0.1 only)"_s
                             : u"network: direct (instance ports on %1)"_s.arg(
                                   c.bindAddress.isEmpty() ? c.address : c.bindAddress));
    m_network = relayed ? u"relay"_s : u"direct"_s;
    if (m_runtime)
        m_runtime->setBindAddress(relayed ? u"127.0.0.1"_s
                                          : (c.bindAddress.isEmpty() ? c.address : c.bindAddress));
    if (!relayed)
        stopRelay();
}

void HostEngine::onRelay(const protocol::RelayMessage &relay)
{
    if (m_network != "relay"_L1) {
        emit message(u"relay: ignored a relay message, this host is not relayed"_s);
        return;
    }
    const ssh::Endpoint endpoint{relay.host, quint16(relay.port), relay.user, relay.host_key};
    if (!m_relay || m_relay->host != relay.host || m_relay->port != relay.port ||
        m_relay->user != relay.user || m_relay->host_key != relay.host_key) {
        m_forwarder.reset();
        ssh::SessionOptions options;
        options.reconnectDelayMin = std::chrono::milliseconds(m_options.config.reconnectMinMs);
        options.reconnectDelayMax = std::chrono::milliseconds(m_options.config.reconnectMaxMs);
        // A relay that died is noticed by the next keepalive at the latest (docs/host.md).
        options.keepaliveInterval = std::chrono::seconds(5);
        m_forwarder = std::make_unique<ssh::ReverseForwarder>(
            endpoint, ssh::Identity{m_options.config.relayKeyPath(), {}}, options);
        const QString where = u"%1@%2:%3"_s.arg(relay.user, relay.host).arg(relay.port);
        ssh::ReverseForwarder *f = m_forwarder.get();
        connect(f, &ssh::ReverseForwarder::stateChanged, this,
                [this, f, where](ssh::SessionState state) {
                    if (state == ssh::SessionState::Connected)
                        emit message(u"relay: connected to %1"_s.arg(where));
                    else if (state == ssh::SessionState::Failed)
                        emit message(
                            u"relay: giving up on %1: %2"_s.arg(where, f->lastError().message));
                });
        connect(f, &ssh::ReverseForwarder::errorOccurred, this, [this](const Error &e) {
            emit message(u"relay: %1 (%2)"_s.arg(e.message, e.code));
        });
        connect(f, &ssh::ReverseForwarder::forwardsChanged, this,
                [this](const QList<quint16> &active) {
                    QStringList ports;
                    for (quint16 p : active)
                        ports << QString::number(p);
                    emit message(u"relay: listening on %1"_s.arg(
                        ports.isEmpty() ? u"no port"_s : ports.join(u", "_s)));
                });
        connect(f, &ssh::ReverseForwarder::forwardRefused, this,
                [this](quint16 port, const Error &e) {
                    emit message(u"relay: port %1 refused: %2"_s.arg(port).arg(e.message));
                });
    }
    m_relay = relay;
    for (const protocol::RelayListen &l : relay.listen) {
        const auto it = m_live.find(l.instance);
        if (it == m_live.end() || it->second.record.state == InstanceState::Destroyed)
            emit message(u"relay: port %1 is for instance %2, which this host does not hold; "
                         "ignored"_s.arg(l.port)
                             .arg(l.instance));
    }
    updateRelayForwards();
}

void HostEngine::updateRelayForwards()
{
    if (!m_forwarder || !m_relay)
        return;
    QList<ssh::ReverseForwardSpec> specs;
    for (const protocol::RelayListen &l : std::as_const(m_relay->listen)) {
        const auto it = m_live.find(l.instance);
        if (it == m_live.end() || l.port <= 0 || l.port > 65535)
            continue;
        const InstanceRecord &r = it->second.record;
        if (r.port <= 0 || r.state == InstanceState::Destroyed || r.state == InstanceState::Failed)
            continue;
        // Each forwarded channel goes to the instance's sshd as published on this host's
        // loopback (D6).
        specs.append({quint16(l.port), u"127.0.0.1"_s, quint16(r.port)});
    }
    m_forwarder->setForwards(specs);
}

void HostEngine::stopRelay()
{
    m_forwarder.reset();
    m_relay.reset();
}

} // namespace suanli::host
