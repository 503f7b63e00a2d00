#include "sqlstore_rows.h"

#include "relaykey.h"

#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace suanli::server {

// The NAT relay's side of the store (docs/market.md, "Relay"): the relays, each host's network
// verdict and relay, and the relay ports of instances on relayed hosts.

namespace {

/// States in which an instance keeps (or gets, on a host turning relayed) its relay port.
const QString kLiveStates = u"('pending','provisioning','starting','running','interrupted')"_s;

/// "TYPE KEY" of a renter's key line as relay-authorize receives it from sshd (%t %k).
QString keyTypeAndBlob(const QString &line)
{
    if (auto key = ed25519KeyLine(line))
        return *key;
    const QStringList parts = line.trimmed().split(u' ', Qt::SkipEmptyParts);
    return parts.size() >= 2 ? parts[0] + u' ' + parts[1] : QString();
}

} // namespace

Result<void> SqlStore::registerRelays()
{
    QList<qint64> ids;
    for (const RelayConfig &relay : m_policy.relays) {
        auto existing =
            m_db->scalar(u"SELECT id FROM relays WHERE public_host = ? AND public_port = ?"_s,
                         {relay.host, relay.port});
        if (!existing)
            return existing.error();
        qint64 id = 0;
        if (existing->isNull()) {
            auto inserted = m_db->insertReturningId(
                u"INSERT INTO relays (public_host, public_port, host_key) VALUES (?, ?, ?)"_s,
                {relay.host, relay.port, relay.hostKey});
            if (!inserted && inserted.error().code != "conflict"_L1)
                return inserted.error();
            if (inserted) {
                id = *inserted;
            } else {
                // Another market process registered it at the same moment.
                auto again = m_db->scalar(
                    u"SELECT id FROM relays WHERE public_host = ? AND public_port = ?"_s,
                    {relay.host, relay.port});
                if (!again)
                    return again.error();
                id = again->toLongLong();
            }
        } else {
            id = existing->toLongLong();
        }
        auto key =
            m_db->exec(u"UPDATE relays SET host_key = ? WHERE id = ?"_s, {relay.hostKey, id});
        if (!key)
            return key.error();
        ids.append(id);
    }
    m_relayIds = ids;
    return {};
}

Result<bool> SqlStore::relayKeyInUse(qint64 hostId, const QString &relayPublicKey)
{
    if (relayPublicKey.isEmpty())
        return false;
    auto other =
        m_db->scalar(u"SELECT COUNT(*) FROM hosts WHERE relay_public_key = ? AND id <> ?"_s,
                     {relayPublicKey, hostId});
    if (!other)
        return other.error();
    return other->toLongLong() > 0;
}

Result<void> SqlStore::setHostNetwork(qint64 hostId, const QString &requested,
                                      const QString &verdict, const QString &relayPublicKey)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto inUse = relayKeyInUse(hostId, relayPublicKey);
    if (!inUse)
        return inUse.error();
    if (*inUse)
        return makeError(u"relay_key_in_use"_s, u"this relay_public_key belongs to another host"_s,
                         u"relay_public_key"_s);
    QString network = verdict == "relay"_L1 && !m_relayIds.isEmpty() ? u"relay"_s : u"direct"_s;
    if (network == "direct"_L1 && !m_relayIds.isEmpty() && !relayPublicKey.isEmpty()) {
        // An instance started while the host was relayed publishes its port on the host's
        // loopback only: it stays reachable only through the relay, so the host stays relayed
        // until its last relayed instance stops (docs/relay.md, "When the verdict changes").
        auto held = m_db->scalar(u"SELECT COUNT(*) FROM relay_ports WHERE host_id = ?"_s, {hostId});
        if (!held)
            return held.error();
        if (held->toLongLong() > 0)
            network = u"relay"_s;
    }
    qint64 relayId = 0;
    if (network == "relay"_L1) {
        auto current = m_db->scalar(u"SELECT relay_id FROM hosts WHERE id = ?"_s, {hostId});
        if (!current)
            return current.error();
        relayId = current->toLongLong();
        if (!m_relayIds.contains(relayId)) {
            // The configured relay with the fewest relayed hosts (the first of equals).
            relayId = 0;
            qint64 fewest = 0;
            for (qint64 id : m_relayIds) {
                auto count = m_db->scalar(u"SELECT COUNT(*) FROM hosts WHERE network = 'relay' "
                                          "AND relay_id = ? AND id <> ?"_s,
                                          {id, hostId});
                if (!count)
                    return count.error();
                if (!relayId || count->toLongLong() < fewest) {
                    relayId = id;
                    fewest = count->toLongLong();
                }
            }
        }
    }
    auto r = m_db->exec(u"UPDATE hosts SET network_requested = ?, network = ?, "
                        "relay_public_key = ?, relay_id = ? WHERE id = ?"_s,
                        {requested, network, relayPublicKey, relayId, hostId});
    if (!r) {
        if (r.error().code == "conflict"_L1) // the unique index: a racing hello took the key
            return makeError(u"relay_key_in_use"_s,
                             u"this relay_public_key belongs to another host"_s,
                             u"relay_public_key"_s);
        return r.error();
    }
    if (network == "relay"_L1) {
        auto moved = m_db->exec(u"UPDATE relay_ports SET relay_id = ? WHERE host_id = ?"_s,
                                {relayId, hostId});
        if (!moved)
            return moved.error();
        // Instances that were reached directly until now get their ports.
        auto ids =
            m_db->column(u"SELECT id FROM instances WHERE host_id = ? AND state IN "_s + kLiveStates +
                             u" AND id NOT IN (SELECT instance_id FROM relay_ports) "
                             "ORDER BY id"_s,
                         {hostId});
        if (!ids)
            return ids.error();
        for (qint64 id : std::as_const(*ids)) {
            if (auto a = assignRelayPort(hostId, id, 0); !a)
                return a.error();
        }
    } else {
        auto gone = m_db->exec(u"DELETE FROM relay_ports WHERE host_id = ?"_s, {hostId});
        if (!gone)
            return gone.error();
    }
    return tx.commit();
}

Result<std::optional<protocol::RelayMessage>> SqlStore::relayMessage(qint64 hostId)
{
    auto q = m_db->exec(u"SELECT h.network, r.public_host, r.public_port, r.host_key "
                        "FROM hosts h LEFT JOIN relays r ON r.id = h.relay_id WHERE h.id = ?"_s,
                        {hostId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(u"not_found"_s, u"no host %1"_s.arg(hostId));
    if (q->value(0).toString() != "relay"_L1 || q->value(1).isNull()) {
        q->finish();
        return std::optional<protocol::RelayMessage>();
    }
    protocol::RelayMessage message;
    message.host = q->value(1).toString();
    message.port = q->value(2).toInt();
    message.user = u"suanli-host"_s;
    message.host_key = q->value(3).toString();
    q->finish();
    auto ports = m_db->exec(
        u"SELECT instance_id, port FROM relay_ports WHERE host_id = ? ORDER BY instance_id"_s,
        {hostId});
    if (!ports)
        return ports.error();
    while (ports->next())
        message.listen.append({ports->value(0).toLongLong(), ports->value(1).toInt()});
    return std::optional<protocol::RelayMessage>(message);
}

Result<void> SqlStore::assignRelayPort(qint64 hostId, qint64 instanceId, qint64 nowMs)
{
    auto h = m_db->exec(u"SELECT network, relay_id FROM hosts WHERE id = ?"_s, {hostId});
    if (!h)
        return h.error();
    if (!h->next())
        return makeError(u"not_found"_s, u"no host %1"_s.arg(hostId));
    const bool relayed = h->value(0).toString() == "relay"_L1;
    const qint64 relayId = h->value(1).toLongLong();
    h->finish();
    if (!relayed || !relayId)
        return {};
    auto spec = m_db->scalar(u"SELECT spec FROM instances WHERE id = ?"_s, {instanceId});
    if (!spec)
        return spec.error();
    const QString renterKey = keyTypeAndBlob(QJsonDocument::fromJson(spec->toString().toUtf8())
                                                 .object()
                                                 .value(u"ssh_public_key"_s)
                                                 .toString());
    for (int attempt = 0; attempt < 16; ++attempt) {
        auto has =
            m_db->scalar(u"SELECT port FROM relay_ports WHERE instance_id = ?"_s, {instanceId});
        if (!has)
            return has.error();
        if (!has->isNull())
            return {}; // it keeps the port it has
        auto used = m_db->exec(u"SELECT port FROM relay_ports WHERE port >= ? AND port <= ? "
                               "ORDER BY port"_s,
                               {m_policy.relayPortMin, m_policy.relayPortMax});
        if (!used)
            return used.error();
        QSet<int> taken;
        while (used->next())
            taken.insert(used->value(0).toInt());
        // The lowest free port; a later attempt (another process took the one chosen) skips
        // as many free ports as it has lost races.
        int candidate = 0;
        int skip = attempt;
        for (int port = m_policy.relayPortMin; port <= m_policy.relayPortMax; ++port) {
            if (!taken.contains(port) && skip-- == 0) {
                candidate = port;
                break;
            }
        }
        const bool found = candidate != 0;
        used->finish();
        if (!found)
            return makeError(u"relay_ports_exhausted"_s,
                             u"every relay port from %1 to %2 is taken"_s.arg(m_policy.relayPortMin)
                                 .arg(m_policy.relayPortMax));
        // UNIQUE (port) and the instance's primary key decide between racing processes.
        auto inserted = m_db->exec(u"INSERT INTO relay_ports (instance_id, host_id, relay_id, "
                                   "port, renter_key, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT DO NOTHING"_s,
                                   {instanceId, hostId, relayId, candidate, renterKey, nowMs});
        if (!inserted)
            return inserted.error();
        if (inserted->numRowsAffected() == 1)
            return {};
    }
    return makeError(u"relay_ports_busy"_s, u"no relay port could be taken; try again"_s);
}

Result<void> SqlStore::withdrawRelayPort(qint64 instanceId)
{
    auto r = m_db->exec(u"DELETE FROM relay_ports WHERE instance_id = ?"_s, {instanceId});
    if (!r)
        return r.error();
    return {};
}

} // namespace suanli::server
