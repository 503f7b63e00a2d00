#include "sqlstore_rows.h"

#include "protocol/json.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;
using suanli::protocol::CommandAction;
using suanli::protocol::InstanceState;

namespace suanli::server {

// Instances: creation, the renter's stop/start/destroy, reservation of GPUs. Billing is in
// sqlstore_billing.cpp, the agent's side in sqlstore_agents.cpp.

namespace {

const QString kInstanceColumns =
    u"i.id, i.account_id, i.label, i.state, i.state_reason, i.host_id, i.offer_id, i.gpu_model, "
    "i.gpu_count, i.price_gpu_hour_micro, i.price_storage_gb_month_micro, i.image, i.disk_gb, "
    "i.spec, i.created_at, i.running_since, i.stopped_at, i.release_at, i.spend_micro, "
    "i.ssh_host, i.ssh_port, i.ssh_user, i.ssh_host_key, i.jupyter_port, i.jupyter_token, "
    "i.max_spend_micro, i.max_duration_s, i.last_seq, i.gpus_held, i.period_start, "
    "i.period_charged, i.storage_start, i.storage_charged, i.accrual_n, i.running_total_ms, "
    "h.owner_id, i.idle_stop_s, i.idle_below_pct, i.idle_since, rp.port, r.public_host, "
    "r.public_port, r.host_key, "
    // prepaid plans (sqlstore_plans.cpp)
    "i.plan, i.renew, i.plan_price_micro, i.plan_ends_at, i.plan_paused_at, i.plan_n, "
    "i.plan_charged, i.plan_fee, i.plan_notified_n, i.min_duration_s, "
    // started without a GPU
    "i.no_gpu, i.price_nogpu_hour_micro, "
    // a clone's copy (sqlstore_clone.cpp)
    "cp.state, cp.source_id, cp.move, cp.bytes_done, cp.bytes_total, cp.files_done, "
    "cp.files_total, cp.error"_s;

/// The instance's relay port and relay, when it has one (docs/market.md, "Relay").
const QString kInstanceJoins =
    u" FROM instances i JOIN hosts h ON h.id = i.host_id "
    "LEFT JOIN relay_ports rp ON rp.instance_id = i.id LEFT JOIN relays r ON r.id = rp.relay_id "
    "LEFT JOIN copies cp ON cp.target_id = i.id"_s;

} // namespace

static SqlStore::InstanceRow readRow(Rows &q)
{
    SqlStore::InstanceRow r;
    Instance &i = r.inst;
    int c = 0;
    i.id = q.value(c++).toLongLong();
    r.accountId = q.value(c++).toLongLong();
    i.label = q.value(c++).toString();
    i.state = protocol::instanceStateFromString(q.value(c++).toString())
                  .value_or(InstanceState::Failed);
    i.state_reason = q.value(c++).toString();
    i.host_id = q.value(c++).toLongLong();
    i.offer_id = q.value(c++).toLongLong();
    i.gpu_model = q.value(c++).toString();
    i.gpu_count = q.value(c++).toInt();
    i.price_gpu_hour_micro = q.value(c++).toLongLong();
    i.price_storage_gb_month_micro = q.value(c++).toLongLong();
    i.image = q.value(c++).toString();
    i.disk_gb = q.value(c++).toLongLong();
    r.spec = QJsonDocument::fromJson(q.value(c++).toString().toUtf8()).object();
    r.createdAtMs = q.value(c++).toLongLong();
    r.runningSinceMs = q.value(c++).toLongLong();
    r.stoppedAtMs = q.value(c++).toLongLong();
    r.releaseAtMs = q.value(c++).toLongLong();
    i.spend_micro = q.value(c++).toLongLong();
    protocol::SshEndpoint ssh;
    ssh.host = q.value(c++).toString();
    ssh.port = q.value(c++).toInt();
    ssh.user = q.value(c++).toString();
    ssh.host_key = q.value(c++).toString();
    if (ssh.port)
        r.agentSsh = ssh;
    protocol::JupyterEndpoint jupyter;
    jupyter.port = q.value(c++).toInt();
    jupyter.token = q.value(c++).toString();
    if (jupyter.port)
        i.jupyter = jupyter;
    i.max_spend_micro = q.value(c++).toLongLong();
    i.max_duration_s = q.value(c++).toLongLong();
    r.lastSeq = q.value(c++).toLongLong();
    r.gpusHeld = q.value(c++).toInt();
    r.periodStartMs = q.value(c++).toLongLong();
    r.periodCharged = q.value(c++).toLongLong();
    r.storageStartMs = q.value(c++).toLongLong();
    r.storageCharged = q.value(c++).toLongLong();
    r.accrualN = q.value(c++).toLongLong();
    r.runningTotalMs = q.value(c++).toLongLong();
    r.hostOwner = q.value(c++).toLongLong();
    i.idle_stop_s = q.value(c++).toLongLong();
    i.idle_below_pct = q.value(c++).toDouble();
    r.idleSinceMs = q.value(c++).toLongLong();
    const int relayPort = q.value(c++).toInt();
    const QVariant relayHost = q.value(c++);
    const int relayPublicPort = q.value(c++).toInt();
    const QString relayKey = q.value(c++).toString();
    i.plan = q.value(c++).toString();
    i.renew = q.value(c++).toBool();
    r.planPriceMicro = q.value(c++).toLongLong();
    r.planEndsMs = q.value(c++).toLongLong();
    r.planPausedMs = q.value(c++).toLongLong();
    r.planN = q.value(c++).toLongLong();
    r.planCharged = q.value(c++).toLongLong();
    r.planFee = q.value(c++).toLongLong();
    r.planNotifiedN = q.value(c++).toLongLong();
    r.minDurationS = q.value(c++).toLongLong();
    i.no_gpu = q.value(c++).toBool();
    const Micro noGpuPrice = q.value(c++).toLongLong();
    if (!q.value(c).isNull()) {
        protocol::CopyStatus copy;
        copy.state = q.value(c).toString();
        copy.source_id = q.value(c + 1).toLongLong();
        copy.move = q.value(c + 2).toBool();
        copy.bytes_done = q.value(c + 3).toLongLong();
        copy.bytes_total = q.value(c + 4).toLongLong();
        copy.files_done = q.value(c + 5).toLongLong();
        copy.files_total = q.value(c + 6).toLongLong();
        copy.error = q.value(c + 7).toString();
        i.copy = copy;
    }
    c += 8;
    r.gpusRented = i.gpu_count;
    if (i.no_gpu) {
        // Renters, the billing and the agent see what runs: no GPU, at the no-GPU price.
        i.gpu_count = 0;
        i.price_nogpu_hour_micro = noGpuPrice;
    }
    i.plan_ends_at = msToTime(r.planEndsMs);
    i.ssh = r.agentSsh;
    if (i.ssh && relayPort && !relayHost.isNull()) {
        // Reached through the relay: the target is the relay port on the relay's loopback,
        // the agent's reverse forward leads from there to the instance's sshd.
        i.ssh->host = u"127.0.0.1"_s;
        i.ssh->port = relayPort;
        if (i.ssh->user.isEmpty())
            i.ssh->user = u"root"_s;
        i.ssh->jump =
            protocol::SshJump{relayHost.toString(), relayPublicPort, u"suanli"_s, relayKey};
    }
    i.created_at = msToTime(r.createdAtMs);
    i.running_since = msToTime(r.runningSinceMs);
    i.stopped_at = msToTime(r.stoppedAtMs);
    i.release_at = msToTime(r.releaseAtMs);
    return r;
}

Result<SqlStore::InstanceRow> SqlStore::loadInstance(qint64 instanceId, bool skipLocked)
{
    // Inside a transaction the row is read to be written back: it stays locked until the
    // commit (PostgreSQL; SQLite's write lock covers it), so the billing worker and a request
    // handler never write back each other's stale copies.
    const QString lock = m_db->inTransaction() ? m_db->forUpdate(u"i"_s, skipLocked) : QString();
    auto q =
        m_db->exec(u"SELECT "_s + kInstanceColumns + kInstanceJoins + u" WHERE i.id = ?"_s + lock,
                   {instanceId});
    if (!q)
        return q.error();
    if (!q->next()) {
        if (skipLocked && !lock.isEmpty())
            return makeError(u"locked"_s, u"instance %1 is being changed"_s.arg(instanceId));
        return makeError(u"not_found"_s, u"no instance %1"_s.arg(instanceId));
    }
    InstanceRow row = readRow(*q);
    q->finish();
    return row;
}

Result<void> SqlStore::saveInstance(const InstanceRow &r)
{
    const Instance &i = r.inst;
    // What the agent reported, not the relayed view readRow renders.
    const auto ssh = r.agentSsh.value_or(protocol::SshEndpoint{});
    const auto jupyter = i.jupyter.value_or(protocol::JupyterEndpoint{});
    auto q = m_db->exec(
        u"UPDATE instances SET state = ?, state_reason = ?, running_since = ?, stopped_at = ?, "
        "release_at = ?, spend_micro = ?, ssh_host = ?, ssh_port = ?, ssh_user = ?, "
        "ssh_host_key = ?, jupyter_port = ?, jupyter_token = ?, last_seq = ?, gpus_held = ?, "
        "period_start = ?, period_charged = ?, storage_start = ?, storage_charged = ?, "
        "accrual_n = ?, running_total_ms = ? WHERE id = ?"_s,
        {protocol::toString(i.state), i.state_reason, r.runningSinceMs, r.stoppedAtMs,
         r.releaseAtMs, i.spend_micro, ssh.host, ssh.port, ssh.user, ssh.host_key, jupyter.port,
         jupyter.token, r.lastSeq, r.gpusHeld, r.periodStartMs, r.periodCharged,
         r.storageStartMs, r.storageCharged, r.accrualN, r.runningTotalMs, i.id});
    if (!q)
        return q.error();
    if (i.state == InstanceState::Stopped || i.state == InstanceState::Destroyed ||
        i.state == InstanceState::Failed)
        return withdrawRelayPort(i.id); // D2: its relay port goes with it
    return {};
}

Result<void> SqlStore::recordEvent(qint64 instanceId, const QString &state, const QString &reason,
                                   qint64 nowMs)
{
    auto q = m_db->exec(
        u"INSERT INTO instance_events (instance_id, at, state, reason) VALUES (?, ?, ?, ?)"_s,
        {instanceId, nowMs, state, reason});
    if (!q)
        return q.error();
    return {};
}

Result<void> SqlStore::queueCommand(qint64 hostId, qint64 instanceId, CommandAction action,
                                    const QString &reason, qint64 nowMs,
                                    const std::optional<protocol::ImageCommand> &image)
{
    protocol::CommandMessage command;
    command.id = u"cmd_"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    command.action = action;
    command.instance_id = instanceId;
    command.reason = reason;
    command.image = image;
    if (action == CommandAction::Create || action == CommandAction::Start) {
        // On a relayed host the instance needs its relay port before the agent starts it.
        if (auto p = assignRelayPort(hostId, instanceId, nowMs); !p)
            return p.error();
    }
    if (action == CommandAction::Create || action == CommandAction::Start) {
        // A start carries the spec too: its gpu_count is the GPUs this start asks for, 0 for a
        // start without a GPU (the agent recreates the container when they differ).
        auto row = loadInstance(instanceId);
        if (!row)
            return row.error();
        protocol::InstanceSpec spec;
        spec.image = row->inst.image;
        spec.gpu_count = row->inst.gpu_count;
        spec.disk_gb = row->inst.disk_gb;
        spec.label = row->inst.label;
        spec.ssh_public_key = row->spec.value(u"ssh_public_key"_s).toString();
        spec.onstart = row->spec.value(u"onstart"_s).toString();
        spec.jupyter = row->spec.value(u"jupyter"_s).toBool();
        const QJsonObject env = row->spec.value(u"env"_s).toObject();
        for (auto it = env.begin(); it != env.end(); ++it)
            spec.env.insert(it.key(), it.value().toString());
        // A saved image in the registry: the agent logs in there to pull it.
        if (!m_policy.registry.isEmpty() && isSavedImageRef(spec.image) &&
            !spec.image.startsWith(u"localhost/"_s))
            spec.registry = protocol::RegistryAccess{m_policy.registry, m_policy.registryUsername,
                                                     m_policy.registryPassword};
        if (action == CommandAction::Create && row->inst.copy)
            spec.copy_from = row->inst.copy->source_id; // a clone (sqlstore_clone.cpp)
        command.spec = spec;
    }
    const QByteArray payload =
        QJsonDocument(protocol::toJson(protocol::MarketMessage{command})).toJson(QJsonDocument::Compact);
    auto q = m_db->exec(u"INSERT INTO commands (id, host_id, instance_id, action, payload, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                        {command.id, hostId, instanceId, protocol::toString(action),
                         QString::fromUtf8(payload), nowMs});
    if (!q)
        return q.error();
    return {};
}

Result<bool> SqlStore::reserve(qint64 offerId, int gpuCount)
{
    noteOffersWritten();
    // A conditional update, so of racing reservations for the last GPU exactly one changes a
    // row. A machine without GPUs is rented whole: it leaves the catalog while taken.
    auto r = gpuCount > 0
        ? m_db->exec(u"UPDATE offers SET gpus_free = gpus_free - ? "
                     "WHERE id = ? AND available = ? AND gpus_free >= ?"_s,
                     {gpuCount, offerId, true, gpuCount})
        : m_db->exec(u"UPDATE offers SET available = ? "
                     "WHERE id = ? AND available = ? AND gpus_total = 0"_s,
                     {false, offerId, true});
    if (!r)
        return r.error();
    return r->numRowsAffected() == 1;
}

Result<Instance> SqlStore::createInstance(
    qint64 accountId, const protocol::CreateInstanceRequest &request, const QString &idempotencyKey,
    const std::function<QByteArray(const Instance &)> &responseBody, qint64 nowMs)
{
    if (request.gpu_count < 0 || request.gpu_count > 64)
        return makeError(u"invalid_value"_s, u"gpu_count must be between 0 and 64"_s,
                         u"gpu_count"_s);
    if (request.disk_gb < 1 || request.disk_gb > 100'000)
        return makeError(u"invalid_value"_s, u"disk_gb must be between 1 and 100000"_s,
                         u"disk_gb"_s);
    if (!request.ssh_public_key.startsWith("ssh-ed25519 "_L1))
        return makeError(u"invalid_value"_s, u"ssh_public_key must be an ssh-ed25519 key line"_s,
                         u"ssh_public_key"_s);
    if (request.image.trimmed().isEmpty())
        return makeError(u"invalid_value"_s, u"image is required"_s, u"image"_s);
    if (request.label.size() > 64)
        return makeError(u"invalid_value"_s, u"label has at most 64 characters"_s, u"label"_s);
    if (auto g = checkGuards(request.max_spend_micro, request.max_duration_s, request.idle_stop_s,
                             request.idle_below_pct);
        !g)
        return g.error();
    // Prepaid plans (sqlstore_plans.cpp).
    const auto planPeriod = protocol::planPeriodS(request.plan);
    if (!planPeriod)
        return makeError(u"invalid_value"_s, u"plan is one of hourly, day, week, month"_s,
                         u"plan"_s);
    if (request.renew && *planPeriod == 0)
        return makeError(u"invalid_value"_s, u"renew needs a day, week or month plan"_s,
                         u"renew"_s);

    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();

    auto acct = account(accountId);
    if (!acct)
        return acct.error();
    if (acct->balance_micro <= 0)
        return makeError(u"insufficient_balance"_s,
                         u"your balance is not positive; top up or redeem a voucher first"_s);

    auto offerQ = m_db->exec(u"SELECT host_id, gpu_model, gpus_total, price_gpu_hour_micro, "
                             "price_storage_gb_month_micro, available, disk_free_gb "
                             "FROM offers WHERE id = ?"_s,
                             {request.offer_id});
    if (!offerQ)
        return offerQ.error();
    if (!offerQ->next())
        return makeError(u"offer_not_found"_s, u"no offer %1"_s.arg(request.offer_id),
                         u"offer_id"_s);
    const qint64 hostId = offerQ->value(0).toLongLong();
    const QString gpuModel = offerQ->value(1).toString();
    const int gpusTotal = offerQ->value(2).toInt();
    const Micro price = offerQ->value(3).toLongLong();
    const Micro storagePrice = offerQ->value(4).toLongLong();
    const bool available = offerQ->value(5).toBool();
    const qint64 diskFree = offerQ->value(6).toLongLong();
    offerQ->finish();
    if (!available)
        return makeError(u"gpus_unavailable"_s, u"this offer is not available right now"_s);
    // A saved image only by its owner, and without a registry only on the host that holds it.
    if (auto own = imageForLaunch(accountId, request.image.trimmed(), hostId); !own)
        return own.error();
    if (gpusTotal == 0 && request.gpu_count != 0)
        return makeError(u"invalid_value"_s, u"this machine has no GPU: use gpu_count 0"_s,
                         u"gpu_count"_s);
    if (gpusTotal > 0 && request.gpu_count < 1)
        return makeError(u"invalid_value"_s, u"gpu_count must be at least 1"_s, u"gpu_count"_s);
    if (request.disk_gb > diskFree)
        return makeError(u"disk_unavailable"_s,
                         u"the host has %1 GB of disk free"_s.arg(diskFree), u"disk_gb"_s);
    // Prepaid plans and the minimum rental (sqlstore_plans.cpp).
    Offer planOffer;
    {
        auto planQ = m_db->exec(u"SELECT min_duration_s, price_gpu_day_micro, "
                                "price_gpu_week_micro, price_gpu_month_micro FROM offers "
                                "WHERE id = ?"_s,
                                {request.offer_id});
        if (!planQ)
            return planQ.error();
        if (planQ->next()) {
            planOffer.min_duration_s = planQ->value(0).toLongLong();
            auto price = [&](int c) {
                return planQ->value(c).isNull()
                           ? std::optional<Micro>()
                           : std::optional<Micro>(planQ->value(c).toLongLong());
            };
            planOffer.price_gpu_day_micro = price(1);
            planOffer.price_gpu_week_micro = price(2);
            planOffer.price_gpu_month_micro = price(3);
        }
        planQ->finish();
    }
    if (*planPeriod == 0 && request.max_duration_s > 0 &&
        request.max_duration_s < planOffer.min_duration_s)
        return makeError(u"invalid_value"_s,
                         u"max_duration_s is below this host's minimum rental of %1 s"_s.arg(
                             planOffer.min_duration_s),
                         u"max_duration_s"_s);

    auto reserved = reserve(request.offer_id, request.gpu_count);
    if (!reserved)
        return reserved.error();
    if (!*reserved)
        return makeError(u"gpus_unavailable"_s,
                         gpusTotal > 0 ? u"not enough free GPUs on this offer any more"_s
                                       : u"this machine has just been rented"_s);

    QJsonObject spec;
    spec.insert(u"ssh_public_key"_s, request.ssh_public_key.trimmed());
    QJsonObject env;
    for (auto it = request.env.begin(); it != request.env.end(); ++it)
        env.insert(it.key(), it.value());
    spec.insert(u"env"_s, env);
    spec.insert(u"onstart"_s, request.onstart);
    spec.insert(u"jupyter"_s, request.jupyter);

    const QString label =
        request.label.isEmpty() ? u"i%1"_s.arg(QRandomGenerator::global()->bounded(100000, 999999))
                                : request.label;
    auto id = m_db->insertReturningId(
        u"INSERT INTO instances (account_id, label, state, host_id, offer_id, gpu_model, gpu_count, "
        "price_gpu_hour_micro, price_storage_gb_month_micro, image, disk_gb, spec, created_at, "
        "max_spend_micro, max_duration_s, gpus_held, idle_stop_s, idle_below_pct) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {accountId, label, protocol::toString(InstanceState::Pending), hostId, request.offer_id,
         gpuModel, request.gpu_count, price, storagePrice, request.image.trimmed(), request.disk_gb,
         QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)), nowMs,
         request.max_spend_micro, request.max_duration_s, request.gpu_count, request.idle_stop_s,
         request.idle_below_pct});
    if (!id)
        return id.error();
    if (auto e = recordEvent(*id, u"pending"_s, {}, nowMs); !e)
        return e.error();
    if (auto c = queueCommand(hostId, *id, CommandAction::Create, {}, nowMs); !c)
        return c.error();
    {
        auto planned = loadInstance(*id);
        if (!planned)
            return planned.error();
        if (auto p = setUpPlan(*planned, request, planOffer, nowMs); !p)
            return p.error();
    }
    auto row = loadInstance(*id);
    if (!row)
        return row.error();
    if (!idempotencyKey.isEmpty()) {
        auto stored = m_db->exec(u"INSERT INTO idempotency (account_id, key, status, body, "
                                 "created_at) VALUES (?, ?, ?, ?, ?)"_s,
                                 {accountId, idempotencyKey, 201,
                                  QString::fromUtf8(responseBody(row->inst)), nowMs});
        if (!stored)
            return stored.error(); // "conflict": a concurrent request with the same key won
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return row->inst;
}

Result<Instance> SqlStore::instance(qint64 instanceId)
{
    auto row = loadInstance(instanceId);
    if (!row)
        return row.error();
    return row->inst;
}

Result<QList<Instance>> SqlStore::instances(qint64 accountId)
{
    auto q = m_db->exec(u"SELECT "_s + kInstanceColumns + kInstanceJoins +
                            u" WHERE i.account_id = ? ORDER BY i.id"_s,
                        {accountId});
    if (!q)
        return q.error();
    QList<Instance> list;
    while (q->next())
        list.append(readRow(*q).inst);
    return list;
}

Result<qint64> SqlStore::instanceOwner(qint64 instanceId)
{
    auto v = m_db->scalar(u"SELECT account_id FROM instances WHERE id = ?"_s, {instanceId});
    if (!v)
        return v.error();
    if (v->isNull())
        return makeError(u"not_found"_s, u"no instance %1"_s.arg(instanceId));
    return v->toLongLong();
}

Result<Instance> SqlStore::requestStopLocked(InstanceRow &row, const QString &reason, qint64 nowMs,
                                             QList<Change> &changes)
{
    switch (row.inst.state) {
    case InstanceState::Running:
    case InstanceState::Starting:
    case InstanceState::Provisioning:
    case InstanceState::Pending:
    case InstanceState::Interrupted:
        break;
    case InstanceState::Stopping:
        return row.inst; // already on its way
    default:
        return makeError(u"invalid_state"_s,
                         u"cannot stop an instance that is %1"_s.arg(toString(row.inst.state)));
    }
    // A stopped instance holds no GPU, and an interrupted one runs no meter: stopping it while
    // its host is away gives the GPUs back now. It keeps the interruption's release_at, so it
    // is still released if the host does not return (docs/market.md, "Host lost").
    const bool hostAway = row.inst.state == InstanceState::Interrupted;
    if (hostAway) {
        if (auto g = releaseGpus(row); !g)
            return g.error();
    }
    row.inst.state = InstanceState::Stopping;
    row.inst.state_reason = reason;
    if (auto s = saveInstance(row); !s)
        return s.error();
    if (hostAway) {
        if (auto o = refreshOffer(row.inst.host_id); !o)
            return o.error();
    }
    if (isGuardReason(reason)) {
        if (auto g = recordGuardAction(row, reason, nowMs); !g)
            return g.error();
    }
    if (auto e = recordEvent(row.inst.id, u"stopping"_s, reason, nowMs); !e)
        return e.error();
    if (auto c = queueCommand(row.inst.host_id, row.inst.id, CommandAction::Stop, reason, nowMs);
        !c)
        return c.error();
    changes.append({Change::Kind::Instance, row.accountId, row.inst.id, 0});
    changes.append({Change::Kind::Command, 0, row.inst.id, row.inst.host_id});
    return row.inst;
}

Result<Instance> SqlStore::requestStop(qint64 instanceId, const QString &reason, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto row = loadInstance(instanceId);
    if (!row)
        return row.error();
    QList<Change> changes;
    auto r = requestStopLocked(*row, reason, nowMs, changes);
    if (!r)
        return r;
    if (auto c = tx.commit(); !c)
        return c.error();
    return r;
}

Result<Instance> SqlStore::requestStart(qint64 instanceId, qint64 nowMs,
                                        std::optional<int> gpuCount)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto row = loadInstance(instanceId);
    if (!row)
        return row.error();
    if (row->inst.state != InstanceState::Stopped)
        return makeError(u"invalid_state"_s, u"only a stopped instance can be started; this one "
                                             "is %1"_s.arg(toString(row->inst.state)));
    auto acct = account(row->accountId);
    if (!acct)
        return acct.error();
    if (acct->balance_micro <= 0)
        return makeError(u"insufficient_balance"_s,
                         u"your balance is not positive; top up or redeem a voucher first"_s);
    // Without a GPU (docs/market.md, "Starting without a GPU"), or with the GPUs it rents.
    const bool noGpu = gpuCount == 0;
    if (gpuCount && *gpuCount != 0 && *gpuCount != row->gpusRented)
        return makeError(
            u"invalid_value"_s,
            u"gpu_count is 0 (start without a GPU) or this instance's %1"_s.arg(row->gpusRented),
            u"gpu_count"_s);
    std::optional<Micro> noGpuPrice;
    if (noGpu) {
        if (row->gpusRented == 0)
            return makeError(u"invalid_value"_s,
                             u"this instance has no GPU to start without: start it normally"_s,
                             u"gpu_count"_s);
        if (onPlan(*row))
            return makeError(u"invalid_state"_s, u"a plan instance keeps its GPUs while it is "
                                                 "stopped: start it normally"_s);
        auto price = m_db->scalar(u"SELECT price_nogpu_hour_micro FROM offers WHERE id = ?"_s,
                                  {row->inst.offer_id});
        if (!price)
            return price.error();
        if (price->isNull())
            return makeError(u"no_gpu_not_offered"_s,
                             u"this host does not offer starts without a GPU"_s);
        noGpuPrice = price->toLongLong();
        // It holds no GPU: whatever it held goes back to the offer for others.
        if (auto g = releaseGpus(*row); !g)
            return g.error();
    } else if (row->gpusHeld == 0 && !(onPlan(*row) && row->gpusRented == 0)) {
        // A stopped plan instance kept its GPUs (a whole machine: the machine).
        auto reserved = reserve(row->inst.offer_id, row->gpusRented);
        if (!reserved)
            return reserved.error();
        if (!*reserved)
            return makeError(u"gpus_unavailable"_s,
                             u"the host's GPUs are rented by someone else right now; your data "
                             "is kept — start it without a GPU, try again later or launch a "
                             "similar offer"_s);
        row->gpusHeld = row->gpusRented;
    }
    row->inst.no_gpu = noGpu;
    row->inst.price_nogpu_hour_micro = noGpuPrice;
    row->inst.gpu_count = noGpu ? 0 : row->gpusRented;
    if (auto n = m_db->exec(u"UPDATE instances SET no_gpu = ?, price_nogpu_hour_micro = ? "
                            "WHERE id = ?"_s,
                            {noGpu, noGpuPrice.value_or(0), instanceId});
        !n)
        return n.error();
    row->inst.state = InstanceState::Starting;
    row->releaseAtMs = 0; // retention is for stopped instances; a stop from here sets it anew
    row->inst.state_reason.clear();
    if (auto s = saveInstance(*row); !s)
        return s.error();
    if (auto e = recordEvent(instanceId, u"starting"_s, noGpu ? u"no_gpu"_s : QString(), nowMs); !e)
        return e.error();
    if (auto c = queueCommand(row->inst.host_id, instanceId, CommandAction::Start, {}, nowMs); !c)
        return c.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return row->inst;
}

Result<Instance> SqlStore::requestDestroy(qint64 instanceId, const QString &reason, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto row = loadInstance(instanceId);
    if (!row)
        return row.error();
    if (row->inst.state == InstanceState::Destroyed || row->inst.state == InstanceState::Destroying)
        return row->inst;
    QList<Change> ignored;
    // Destroying ends billing for the renter at once: charge up to now, then stop the meters.
    if (row->inst.state == InstanceState::Running) {
        if (auto s = settleRunning(*row, nowMs, ignored); !s)
            return s.error();
    } else if (row->inst.state == InstanceState::Stopped) {
        if (auto s = settleStorage(*row, nowMs, ignored); !s)
            return s.error();
    }
    // The minimum rental, and the refund of a plan's unused time (sqlstore_plans.cpp).
    if (auto m = chargeMinimumRental(*row, reason, nowMs, ignored); !m)
        return m.error();
    if (auto p = refundPlan(*row, nowMs, ignored); !p)
        return p.error();
    row->runningSinceMs = 0;
    row->periodStartMs = 0;
    row->storageStartMs = 0;
    // An interrupted instance's host is away and may never confirm: it is gone for the market
    // at once, its GPUs back to the offer, as when it is released (docs/market.md, "Host
    // lost"); the agent removes the container when it returns.
    const bool hostAway = row->inst.state == InstanceState::Interrupted ||
                          (row->inst.state == InstanceState::Stopping && row->releaseAtMs > 0);
    row->inst.state = hostAway ? InstanceState::Destroyed : InstanceState::Destroying;
    row->inst.state_reason = reason;
    if (hostAway) {
        row->releaseAtMs = 0;
        if (auto g = releaseGpus(*row); !g)
            return g.error();
    }
    if (auto s = saveInstance(*row); !s)
        return s.error();
    if (hostAway) {
        if (auto o = refreshOffer(row->inst.host_id); !o)
            return o.error();
    }
    if (auto e = recordEvent(instanceId, toString(row->inst.state), reason, nowMs); !e)
        return e.error();
    if (auto c = queueCommand(row->inst.host_id, instanceId, CommandAction::Destroy, reason, nowMs);
        !c)
        return c.error();
    // Destroying a clone cancels its copy; destroying a source fails its clones' copies.
    QList<Change> copyChanges;
    if (auto e =
            endCopiesOf(instanceId, u"cancelled"_s, u"cancelled: the new instance was destroyed"_s,
                        u"the source instance was destroyed"_s, nowMs, copyChanges);
        !e)
        return e.error();
    auto destroyed = loadInstance(instanceId); // with its copy's end
    if (!destroyed)
        return destroyed.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return destroyed->inst;
}

Result<void> SqlStore::releaseGpus(InstanceRow &row)
{
    if (row.gpusHeld > 0) {
        noteOffersWritten();
        auto r = m_db->exec(u"UPDATE offers SET gpus_free = gpus_free + ? WHERE id = ?"_s,
                            {row.gpusHeld, row.inst.offer_id});
        if (!r)
            return r.error();
    }
    row.gpusHeld = 0;
    return {};
}

} // namespace suanli::server
