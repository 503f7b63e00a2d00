#include "relaykey.h"
#include "sqlstore_rows.h"

#include "protocol/json.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;
using suanli::protocol::CommandAction;
using suanli::protocol::InstanceState;

namespace suanli::server {

// Clone and move (DESIGN §9.4, docs/market.md "Clone and move"): a new instance whose agent
// pulls the source's /workspace over SSH with a one-time key. The copy's row (table `copies`)
// is keyed by the new instance, which shows it as `copy`.

namespace {

bool ended(const QString &state)
{
    return state == "done"_L1 || state == "failed"_L1 || state == "cancelled"_L1;
}

struct CopyRow
{
    qint64 targetId = 0;
    qint64 sourceId = 0;
    bool move = false;
    QString state;
    QString publicKey;
    bool sourceStarted = false;
    bool copySent = false;
};

const QString kCopyColumns =
    u"target_id, source_id, move, state, public_key, source_started, copy_sent FROM copies "_s;

CopyRow readCopy(Rows &q)
{
    CopyRow r;
    r.targetId = q.value(0).toLongLong();
    r.sourceId = q.value(1).toLongLong();
    r.move = q.value(2).toBool();
    r.state = q.value(3).toString();
    r.publicKey = q.value(4).toString();
    r.sourceStarted = q.value(5).toBool();
    r.copySent = q.value(6).toBool();
    return r;
}

} // namespace

Result<void> SqlStore::insertCommand(qint64 hostId, protocol::CommandMessage command, qint64 nowMs)
{
    command.id = u"cmd_"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray payload = QJsonDocument(protocol::toJson(protocol::MarketMessage{command}))
                                   .toJson(QJsonDocument::Compact);
    auto q = m_db->exec(u"INSERT INTO commands (id, host_id, instance_id, action, payload, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                        {command.id, hostId, command.instance_id,
                         protocol::toString(command.action), QString::fromUtf8(payload), nowMs});
    if (!q)
        return q.error();
    return {};
}

Result<Instance> SqlStore::cloneInstance(qint64 accountId, qint64 sourceId,
                                         const protocol::CloneInstanceRequest &request,
                                         qint64 nowMs, QList<Change> &changes)
{
    if (request.disk_gb && (*request.disk_gb < 1 || *request.disk_gb > 100'000))
        return makeError(u"invalid_value"_s, u"disk_gb must be between 1 and 100000"_s,
                         u"disk_gb"_s);
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto source = loadInstance(sourceId);
    if (!source)
        return source.error();
    if (source->accountId != accountId)
        return makeError(u"not_found"_s, u"no instance %1"_s.arg(sourceId));
    const InstanceState state = source->inst.state;
    if (state != InstanceState::Running && state != InstanceState::Stopped)
        return makeError(u"invalid_state"_s,
                         u"only a running or stopped instance can be cloned or moved; this one "
                         "is %1"_s.arg(toString(state)));
    if (source->inst.copy && !ended(source->inst.copy->state))
        return makeError(u"invalid_state"_s,
                         u"this instance is still being copied into; wait for its copy to end"_s);
    auto moving =
        m_db->scalar(u"SELECT COUNT(*) FROM copies WHERE source_id = ? AND move = ? AND state IN "
                     "('waiting', 'copying', 'verifying')"_s,
                     {sourceId, true});
    if (!moving)
        return moving.error();
    if (moving->toLongLong() > 0)
        return makeError(u"invalid_state"_s, u"this instance is already being moved"_s);
    if (request.move) {
        auto copying = m_db->scalar(u"SELECT COUNT(*) FROM copies WHERE source_id = ? AND state "
                                    "IN ('waiting', 'copying', 'verifying')"_s,
                                    {sourceId});
        if (!copying)
            return copying.error();
        if (copying->toLongLong() > 0)
            return makeError(u"invalid_state"_s,
                             u"this instance is being cloned; move it once that copy ends"_s);
    }
    const qint64 diskGb = request.disk_gb.value_or(source->inst.disk_gb);

    // The new instance: the source's image, key, environment and guards, on the chosen offer.
    protocol::CreateInstanceRequest create;
    create.offer_id = request.offer_id;
    create.gpu_count = request.gpu_count;
    create.image = source->inst.image;
    create.disk_gb = diskGb;
    create.ssh_public_key = source->spec.value(u"ssh_public_key"_s).toString();
    create.label = request.move ? source->inst.label : source->inst.label.left(58) + u"-clone"_s;
    const QJsonObject env = source->spec.value(u"env"_s).toObject();
    for (auto it = env.begin(); it != env.end(); ++it)
        create.env.insert(it.key(), it.value().toString());
    create.onstart = source->spec.value(u"onstart"_s).toString();
    create.jupyter = source->spec.value(u"jupyter"_s).toBool();
    create.max_spend_micro = source->inst.max_spend_micro;
    create.max_duration_s = source->inst.max_duration_s;
    create.idle_stop_s = source->inst.idle_stop_s;
    create.idle_below_pct = source->inst.idle_below_pct;
    auto target = createInstance(accountId, create, {}, {}, nowMs); // a savepoint of this one
    if (!target)
        return target.error();

    // A stopped source runs again for the copy: without a GPU where it has GPUs (none is held
    // for a copy), as it was where it has none.
    bool sourceStarted = false;
    if (state == InstanceState::Stopped) {
        auto started = requestStart(sourceId, nowMs,
                                    source->gpusRented > 0 ? std::optional<int>(0) : std::nullopt);
        if (!started) {
            if (started.error().code == "no_gpu_not_offered"_L1)
                return makeError(u"no_gpu_not_offered"_s,
                                 u"the instance is stopped and its host does not offer starts "
                                 "without a GPU, which the copy needs: start it, then clone it"_s);
            return started.error();
        }
        sourceStarted = true;
        changes.append({Change::Kind::Command, 0, sourceId, source->inst.host_id});
    }
    auto inserted = m_db->exec(
        u"INSERT INTO copies (target_id, source_id, account_id, move, state, "
        "source_started, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {target->id, sourceId, accountId, request.move, u"waiting"_s, sourceStarted, nowMs});
    if (!inserted)
        return inserted.error();
    // createInstance queued the create before the copy's row existed: again, with copy_from.
    if (auto d = m_db->exec(u"DELETE FROM commands WHERE instance_id = ? AND action = ?"_s,
                            {target->id, protocol::toString(CommandAction::Create)});
        !d)
        return d.error();
    if (auto c = queueCommand(target->host_id, target->id, CommandAction::Create, {}, nowMs); !c)
        return c.error();
    if (auto e =
            recordEvent(target->id, u"pending"_s,
                        (request.move ? u"move_from:%1"_s : u"clone_of:%1"_s).arg(sourceId), nowMs);
        !e)
        return e.error();
    auto row = loadInstance(target->id);
    if (!row)
        return row.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    changes.append({Change::Kind::Instance, accountId, target->id, 0});
    changes.append({Change::Kind::Command, 0, target->id, target->host_id});
    changes.append({Change::Kind::Instance, accountId, sourceId, 0});
    changes.append({Change::Kind::Balance, accountId, target->id, 0});
    return row->inst;
}

Result<void> SqlStore::startWaitingCopies(qint64 sourceId, qint64 nowMs, QList<Change> &changes)
{
    auto source = loadInstance(sourceId);
    if (!source)
        return source.error();
    if (source->inst.state != InstanceState::Running || !source->inst.ssh)
        return {}; // once it runs (applyInstanceState)
    auto q = m_db->exec(u"SELECT "_s + kCopyColumns +
                            u"WHERE source_id = ? AND state = 'copying' AND copy_sent = ?"_s,
                        {sourceId, false});
    if (!q)
        return q.error();
    QList<CopyRow> waiting;
    while (q->next())
        waiting.append(readCopy(*q));
    q->finish();
    for (const CopyRow &copy : waiting) {
        auto target = loadInstance(copy.targetId);
        if (!target)
            return target.error();
        protocol::CommandMessage command;
        command.action = CommandAction::Copy;
        command.instance_id = copy.targetId;
        // The relayed view (readRow): its `jump` leads through the relay.
        command.copy_from = protocol::CopySource{sourceId, *source->inst.ssh};
        if (auto c = insertCommand(target->inst.host_id, command, nowMs); !c)
            return c.error();
        if (auto u = m_db->exec(u"UPDATE copies SET copy_sent = ? WHERE target_id = ?"_s,
                                {true, copy.targetId});
            !u)
            return u.error();
        changes.append({Change::Kind::Command, 0, copy.targetId, target->inst.host_id});
    }
    return {};
}

Result<QList<Change>> SqlStore::applyCopyProgress(qint64 hostId,
                                                  const protocol::CopyProgressMessage &report,
                                                  qint64 nowMs)
{
    static const QStringList kStates{u"key"_s, u"copying"_s, u"verifying"_s, u"done"_s,
                                     u"failed"_s};
    if (!kStates.contains(report.state))
        return makeError(u"invalid_value"_s,
                         u"state is one of key, copying, verifying, done, failed"_s, u"state"_s);
    if (report.bytes_done < 0 || report.bytes_total < 0 || report.files_done < 0 ||
        report.files_total < 0)
        return makeError(u"invalid_value"_s, u"a copy's counts are never negative"_s);
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto target = loadInstance(report.instance_id);
    if (!target || target->inst.host_id != hostId || !target->inst.copy)
        return makeError(u"forbidden"_s,
                         u"instance %1 is no clone on this host"_s.arg(report.instance_id));
    auto q =
        m_db->exec(u"SELECT "_s + kCopyColumns + u"WHERE target_id = ?"_s, {report.instance_id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(u"forbidden"_s, u"instance %1 is no clone"_s.arg(report.instance_id));
    const CopyRow copy = readCopy(*q);
    q->finish();
    QList<Change> changes;
    if (ended(copy.state))
        return changes; // a late report: the copy's end stands
    auto source = loadInstance(copy.sourceId);
    if (!source)
        return source.error();
    const qint64 sourceHost = source->inst.host_id;

    auto revoke = [&]() -> Result<void> {
        if (copy.publicKey.isEmpty())
            return {};
        protocol::CommandMessage command;
        command.action = CommandAction::RevokeKey;
        command.instance_id = copy.sourceId;
        command.public_key = copy.publicKey;
        command.copy_instance_id = copy.targetId;
        changes.append({Change::Kind::Command, 0, copy.sourceId, sourceHost});
        return insertCommand(sourceHost, command, nowMs);
    };

    if (report.state == "key"_L1) {
        if (copy.state != "waiting"_L1)
            return changes; // the key was taken already
        auto key = ed25519KeyLine(report.public_key);
        if (!key)
            return makeError(u"invalid_value"_s,
                             u"public_key must be an ssh-ed25519 public key line"_s,
                             u"public_key"_s);
        if (auto u = m_db->exec(u"UPDATE copies SET public_key = ?, state = 'copying' "
                                "WHERE target_id = ?"_s,
                                {*key, copy.targetId});
            !u)
            return u.error();
        protocol::CommandMessage authorize;
        authorize.action = CommandAction::AuthorizeKey;
        authorize.instance_id = copy.sourceId;
        authorize.public_key = *key;
        authorize.copy_instance_id = copy.targetId;
        if (auto c = insertCommand(sourceHost, authorize, nowMs); !c)
            return c.error();
        changes.append({Change::Kind::Command, 0, copy.sourceId, sourceHost});
        if (auto s = startWaitingCopies(copy.sourceId, nowMs, changes); !s)
            return s.error();
    } else if (report.state == "copying"_L1 || report.state == "verifying"_L1) {
        if (auto u = m_db->exec(u"UPDATE copies SET state = ?, bytes_done = ?, bytes_total = ?, "
                                "files_done = ?, files_total = ? WHERE target_id = ?"_s,
                                {report.state, report.bytes_done, report.bytes_total,
                                 report.files_done, report.files_total, copy.targetId});
            !u)
            return u.error();
    } else if (report.state == "done"_L1) {
        if (copy.state != "verifying"_L1)
            return makeError(u"invalid_state"_s,
                             u"a copy is done only after its verification against the source's "
                             "manifest (state verifying)"_s);
        if (auto u = m_db->exec(u"UPDATE copies SET state = 'done', bytes_done = ?, "
                                "bytes_total = ?, files_done = ?, files_total = ?, ended_at = ? "
                                "WHERE target_id = ?"_s,
                                {report.bytes_done, report.bytes_total, report.files_done,
                                 report.files_total, nowMs, copy.targetId});
            !u)
            return u.error();
        if (auto r = revoke(); !r)
            return r.error();
        if (auto e =
                recordEvent(copy.targetId, toString(target->inst.state), u"copy_done"_s, nowMs);
            !e)
            return e.error();
        // Only now, with the copy verified, does a move end the source.
        if (copy.move) {
            auto destroyed = requestDestroy(copy.sourceId, u"moved"_s, nowMs);
            if (!destroyed)
                return destroyed.error();
            changes.append({Change::Kind::Balance, source->accountId, copy.sourceId, 0});
        } else if (copy.sourceStarted) {
            auto stopped = requestStop(copy.sourceId, u"copy_done"_s, nowMs);
            if (!stopped)
                return stopped.error();
        }
    } else { // failed: the source stays as it is
        const QString why = report.error.trimmed().isEmpty() ? u"the copy failed"_s
                                                             : report.error.trimmed().left(500);
        if (auto u = m_db->exec(u"UPDATE copies SET state = 'failed', error = ?, ended_at = ? "
                                "WHERE target_id = ?"_s,
                                {why, nowMs, copy.targetId});
            !u)
            return u.error();
        if (auto r = revoke(); !r)
            return r.error();
        if (auto e = recordEvent(copy.targetId, toString(target->inst.state),
                                 u"copy_failed: "_s + why, nowMs);
            !e)
            return e.error();
        if (copy.sourceStarted) {
            auto stopped = requestStop(copy.sourceId, u"copy_failed"_s, nowMs);
            if (!stopped)
                return stopped.error();
        }
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    changes.append({Change::Kind::Instance, target->accountId, copy.targetId, 0});
    changes.append({Change::Kind::Instance, source->accountId, copy.sourceId, 0});
    return changes;
}

Result<void> SqlStore::endCopiesOf(qint64 instanceId, const QString &targetState,
                                   const QString &targetWhy, const QString &sourceWhy, qint64 nowMs,
                                   QList<Change> &changes)
{
    auto q = m_db->exec(u"SELECT "_s + kCopyColumns +
                            u"WHERE (target_id = ? OR source_id = ?) AND state IN "
                            "('waiting', 'copying', 'verifying')"_s,
                        {instanceId, instanceId});
    if (!q)
        return q.error();
    QList<CopyRow> open;
    while (q->next())
        open.append(readCopy(*q));
    q->finish();
    for (const CopyRow &copy : open) {
        const bool asTarget = copy.targetId == instanceId;
        if (auto u = m_db->exec(u"UPDATE copies SET state = ?, error = ?, ended_at = ? "
                                "WHERE target_id = ?"_s,
                                {asTarget ? targetState : u"failed"_s,
                                 asTarget ? targetWhy : sourceWhy, nowMs, copy.targetId});
            !u)
            return u.error();
        auto source = loadInstance(copy.sourceId);
        if (!source)
            return source.error();
        if (!copy.publicKey.isEmpty()) {
            protocol::CommandMessage command;
            command.action = CommandAction::RevokeKey;
            command.instance_id = copy.sourceId;
            command.public_key = copy.publicKey;
            command.copy_instance_id = copy.targetId;
            if (auto c = insertCommand(source->inst.host_id, command, nowMs); !c)
                return c.error();
            changes.append({Change::Kind::Command, 0, copy.sourceId, source->inst.host_id});
        }
        if (asTarget && copy.sourceStarted && source->inst.state != InstanceState::Destroying &&
            source->inst.state != InstanceState::Destroyed) {
            // The market started it for the copy: it goes back to how the renter left it.
            QList<Change> ignored;
            if (auto s = requestStopLocked(*source, u"copy_cancelled"_s, nowMs, ignored); !s)
                return s.error();
        }
        changes.append({Change::Kind::Instance, source->accountId, copy.sourceId, 0});
        changes.append({Change::Kind::Instance, source->accountId, copy.targetId, 0});
    }
    return {};
}

} // namespace suanli::server
