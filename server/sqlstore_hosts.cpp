#include "sqlstore.h"
#include "sqlstore_rows.h"

#include "gpucatalog.h"
#include "protocol/json.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace suanli::server {

// Hosts, their agents' hello and heartbeats, offers and their search, pricing, images.

namespace {
/// A price or share that may be absent, as SQL NULL when it is.
QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}
} // namespace

Result<Host> SqlStore::createHost(qint64 ownerId, const QString &name, qint64 nowMs)
{
    if (name.trimmed().isEmpty() || name.size() > 100)
        return makeError(u"invalid_name"_s, u"a host name has 1 to 100 characters"_s);
    auto id = m_db->insertReturningId(
        u"INSERT INTO hosts (owner_id, name, created_at) VALUES (?, ?, ?)"_s,
        {ownerId, name.trimmed(), nowMs});
    if (!id)
        return id.error();
    return readHost(*id);
}

Result<Host> SqlStore::readHost(qint64 hostId)
{
    auto q = m_db->exec(u"SELECT id, owner_id, name, online, last_seen, listed, "
                        "price_gpu_hour_micro, price_storage_gb_month_micro, interruptible, "
                        "min_duration_s, spec, reliability, verified, paused, paused_reason, "
                        "network_requested, network, "
                        // prepaid plans (sqlstore_plans.cpp)
                        "price_gpu_day_micro, price_gpu_week_micro, price_gpu_month_micro, "
                        "price_nogpu_hour_micro FROM hosts WHERE id = ?"_s,
                        {hostId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(u"not_found"_s, u"no host %1"_s.arg(hostId));
    Host h;
    h.id = q->value(0).toLongLong();
    h.owner_id = q->value(1).toLongLong();
    h.name = q->value(2).toString();
    h.online = q->value(3).toBool();
    if (const qint64 seen = q->value(4).toLongLong())
        h.last_seen = QDateTime::fromMSecsSinceEpoch(seen, Qt::UTC);
    h.listing.listed = q->value(5).toBool();
    h.listing.price_gpu_hour_micro = q->value(6).toLongLong();
    h.listing.price_storage_gb_month_micro = q->value(7).toLongLong();
    h.listing.interruptible = q->value(8).toBool();
    h.listing.min_duration_s = q->value(9).toLongLong();
    if (const QString spec = q->value(10).toString(); !spec.isEmpty()) {
        auto json = protocol::parseJsonObject(spec.toUtf8());
        if (json) {
            auto parsed = protocol::machineSpecFromJson(*json);
            if (parsed)
                h.spec = *parsed;
        }
    }
    h.reliability = q->value(11).toDouble();
    h.verified = q->value(12).toBool();
    h.paused = q->value(13).toBool();
    h.paused_reason = q->value(14).toString();
    if (!q->value(15).toString().isEmpty()) // empty until the first hello's verdict
        h.network = q->value(16).toString();
    auto planPrice = [&](int c) {
        return q->value(c).isNull() ? std::optional<Micro>()
                                    : std::optional<Micro>(q->value(c).toLongLong());
    };
    h.listing.price_gpu_day_micro = planPrice(17);
    h.listing.price_gpu_week_micro = planPrice(18);
    h.listing.price_gpu_month_micro = planPrice(19);
    h.listing.price_nogpu_hour_micro = planPrice(20);
    q->finish();
    return h;
}

Result<Host> SqlStore::host(qint64 hostId)
{
    return readHost(hostId);
}

Result<QList<Host>> SqlStore::hosts(qint64 ownerId)
{
    auto ids = m_db->column(u"SELECT id FROM hosts WHERE owner_id = ? ORDER BY id"_s, {ownerId});
    if (!ids)
        return ids.error();
    QList<Host> result;
    for (qint64 id : std::as_const(*ids)) {
        auto h = readHost(id);
        if (!h)
            return h.error();
        result.append(*h);
    }
    return result;
}

Result<void> checkNoGpuPrice(const protocol::HostListing &listing)
{
    if (!listing.price_nogpu_hour_micro)
        return {};
    const Micro price = *listing.price_nogpu_hour_micro;
    const QString field = u"price_nogpu_hour_micro"_s;
    if (price <= 0)
        return makeError(u"invalid_value"_s,
                         u"%1 must be positive, or null when not offered"_s.arg(field), field);
    // The CPU-only ceiling: a start without a GPU brings the instance's CPU and memory share,
    // never more than a tenth of one of its GPU-hours (docs/market.md, "Starting without a GPU").
    if (price > listing.price_gpu_hour_micro / kNoGpuCeilingDivisor)
        return makeError(u"invalid_value"_s,
                         u"%1 is above a tenth of price_gpu_hour_micro (%2)"_s.arg(field).arg(
                             listing.price_gpu_hour_micro / kNoGpuCeilingDivisor),
                         field);
    return {};
}

Result<Host> SqlStore::updateListing(qint64 hostId, const protocol::HostListing &listing)
{
    if (listing.price_gpu_hour_micro < 0 || listing.price_storage_gb_month_micro < 0
        || listing.min_duration_s < 0)
        return makeError(u"invalid_value"_s, u"prices and durations cannot be negative"_s);
    if (auto p = checkPlanPrices(listing); !p)
        return p.error();
    if (auto p = checkNoGpuPrice(listing); !p)
        return p.error();
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    // Every price on the host's row; the offer is recomputed from it (refreshOffer writes all).
    auto r = m_db->exec(
        u"UPDATE hosts SET listed = ?, price_gpu_hour_micro = ?, "
        "price_storage_gb_month_micro = ?, interruptible = ?, min_duration_s = ?, "
        "price_gpu_day_micro = ?, price_gpu_week_micro = ?, "
        "price_gpu_month_micro = ?, price_nogpu_hour_micro = ? WHERE id = ?"_s,
        {listing.listed, listing.price_gpu_hour_micro, listing.price_storage_gb_month_micro,
         listing.interruptible, listing.min_duration_s, nullable(listing.price_gpu_day_micro),
         nullable(listing.price_gpu_week_micro), nullable(listing.price_gpu_month_micro),
         nullable(listing.price_nogpu_hour_micro), hostId});
    if (!r)
        return r.error();
    if (auto o = refreshOffer(hostId); !o)
        return o.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return readHost(hostId);
}

Result<void> SqlStore::hostHello(qint64 hostId, const protocol::HelloMessage &hello,
                                 qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    QJsonArray images;
    for (const auto &image : hello.images)
        images.append(protocol::toJson(image));
    auto r = m_db->exec(
        u"UPDATE hosts SET spec = ?, address = ?, port_min = ?, port_max = ?, images = ?, "
        "agent_version = ?, online = ?, last_seen = ?, seen_count = seen_count + 1 WHERE id = ?"_s,
        {QString::fromUtf8(QJsonDocument(protocol::toJson(hello.spec)).toJson(QJsonDocument::Compact)),
         hello.address, hello.port_min, hello.port_max,
         QString::fromUtf8(QJsonDocument(images).toJson(QJsonDocument::Compact)),
         hello.agent_version, true, nowMs, hostId});
    if (!r)
        return r.error();
    // Online again, or with other stated speeds: the market's verdict may change.
    if (auto v = applyVerificationRule(hostId, nowMs); !v)
        return v.error();
    if (auto o = refreshOffer(hostId); !o)
        return o.error();
    return tx.commit();
}

Result<void> SqlStore::refreshOffer(qint64 hostId)
{
    auto h = readHost(hostId);
    if (!h)
        return h.error();
    const protocol::MachineSpec spec = h->spec.value_or(protocol::MachineSpec{});
    auto held = m_db->scalar(u"SELECT COALESCE(SUM(gpus_held), 0) FROM instances "
                             "WHERE host_id = ?"_s,
                             {hostId});
    if (!held)
        return held.error();
    auto machineTaken = m_db->scalar(
        u"SELECT COUNT(*) FROM instances WHERE host_id = ? AND gpu_count = 0 "
        "AND (state IN ('pending','provisioning','running','stopping','starting','interrupted') "
        // a stopped plan instance keeps the machine it paid for (sqlstore_plans.cpp)
        "OR (state = 'stopped' AND plan <> 'hourly'))"_s,
        {hostId});
    if (!machineTaken)
        return machineTaken.error();
    const int gpusTotal = int(spec.gpus.size());
    const QString model = gpusTotal ? spec.gpus.first().model : QString();
    const qint64 memory = gpusTotal ? spec.gpus.first().memory_mb : 0;
    int gpusFree = gpusTotal - held->toInt();
    // A CPU-only machine is rented whole: it is free while nobody holds it.
    if (gpusTotal == 0)
        gpusFree = 0;
    const bool available = h->listing.listed && h->online && !h->paused && h->spec.has_value()
        && (gpusTotal > 0 || machineTaken->toLongLong() == 0);
    QVariant perf;
    if (gpusTotal) {
        if (auto p = perfTflopsPerGpu(model))
            perf = *p * gpusTotal;
    }
    // What an instance gets (DESIGN §9.4): per GPU on a machine with GPUs; on one without, its
    // cpu_cores and ram_mb are the instance's allowance, not the machine's.
    QVariant coresPerGpu = QVariant(QMetaType::fromType<qint64>());
    QVariant ramPerGpu = QVariant(QMetaType::fromType<qint64>());
    qint64 cpuCores = spec.cpu_cores;
    qint64 ramMb = spec.ram_mb;
    if (gpusTotal > 0) {
        coresPerGpu = nullable(spec.share_cpu_cores);
        ramPerGpu = nullable(spec.share_ram_mb);
    } else {
        cpuCores = spec.share_cpu_cores.value_or(cpuCores);
        ramMb = spec.share_ram_mb.value_or(ramMb);
    }
    // What the agent measured, copied as it is (NULL until measured; sqlstore_verification.cpp).
    auto measured = m_db->exec(u"SELECT net_down_mbps, net_up_mbps, disk_write_mbps, measured_at "
                               "FROM hosts WHERE id = ?"_s,
                               {hostId});
    if (!measured)
        return measured.error();
    QVariantList measures;
    if (measured->next()) {
        for (int c = 0; c < 4; ++c)
            measures << (measured->value(c).isNull() ? QVariant(QMetaType::fromType<qint64>())
                                                     : QVariant(measured->value(c).toLongLong()));
    }
    measured->finish();
    if (measures.size() != 4)
        return makeError(u"not_found"_s, u"no host %1"_s.arg(hostId));
    const QVariantList values = {hostId,
                                 hostId,
                                 h->name,
                                 model,
                                 memory,
                                 gpusTotal,
                                 std::max(0, gpusFree),
                                 cpuCores,
                                 ramMb,
                                 spec.disk_free_gb,
                                 h->listing.price_gpu_hour_micro,
                                 h->listing.price_storage_gb_month_micro,
                                 spec.inet_down_mbps,
                                 spec.inet_up_mbps,
                                 h->reliability,
                                 spec.region,
                                 h->verified,
                                 h->listing.interruptible,
                                 h->listing.min_duration_s,
                                 spec.cuda_version,
                                 spec.driver_version,
                                 perf,
                                 available,
                                 nullable(h->listing.price_gpu_day_micro),
                                 nullable(h->listing.price_gpu_week_micro),
                                 nullable(h->listing.price_gpu_month_micro),
                                 nullable(h->listing.price_nogpu_hour_micro),
                                 coresPerGpu,
                                 ramPerGpu,
                                 measures[0],
                                 measures[1],
                                 measures[2],
                                 measures[3]};
    noteOffersWritten();
    auto r = m_db->exec(
        u"INSERT INTO offers (id, host_id, host_name, gpu_model, gpu_memory_mb, gpus_total, "
        "gpus_free, cpu_cores, ram_mb, disk_free_gb, price_gpu_hour_micro, "
        "price_storage_gb_month_micro, inet_down_mbps, inet_up_mbps, reliability, region, "
        "verified, interruptible, min_duration_s, cuda_version, driver_version, perf_tflops, "
        "available, price_gpu_day_micro, price_gpu_week_micro, price_gpu_month_micro, "
        "price_nogpu_hour_micro, cpu_cores_per_gpu, ram_mb_per_gpu, net_down_mbps, net_up_mbps, "
        "disk_write_mbps, measured_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET host_name = excluded.host_name, "
        "gpu_model = excluded.gpu_model, gpu_memory_mb = excluded.gpu_memory_mb, "
        "gpus_total = excluded.gpus_total, gpus_free = excluded.gpus_free, "
        "cpu_cores = excluded.cpu_cores, ram_mb = excluded.ram_mb, "
        "disk_free_gb = excluded.disk_free_gb, price_gpu_hour_micro = "
        "excluded.price_gpu_hour_micro, "
        "price_storage_gb_month_micro = excluded.price_storage_gb_month_micro, "
        "inet_down_mbps = excluded.inet_down_mbps, inet_up_mbps = excluded.inet_up_mbps, "
        "reliability = excluded.reliability, region = excluded.region, "
        "verified = excluded.verified, interruptible = excluded.interruptible, "
        "min_duration_s = excluded.min_duration_s, cuda_version = excluded.cuda_version, "
        "driver_version = excluded.driver_version, perf_tflops = excluded.perf_tflops, "
        "available = excluded.available, price_gpu_day_micro = excluded.price_gpu_day_micro, "
        "price_gpu_week_micro = excluded.price_gpu_week_micro, "
        "price_gpu_month_micro = excluded.price_gpu_month_micro, "
        "price_nogpu_hour_micro = excluded.price_nogpu_hour_micro, "
        "cpu_cores_per_gpu = excluded.cpu_cores_per_gpu, ram_mb_per_gpu = excluded.ram_mb_per_gpu, "
        "net_down_mbps = excluded.net_down_mbps, net_up_mbps = excluded.net_up_mbps, "
        "disk_write_mbps = excluded.disk_write_mbps, measured_at = excluded.measured_at"_s,
        values);
    if (!r)
        return r.error();
    return {};
}

void SqlStore::noteOffersWritten()
{
    ++m_offersVersion;
    // Other market processes drop their cached searches when this transaction commits
    // (PostgreSQL delivers NOTIFY at commit, and folds repeats within one transaction).
    if (m_db->dialect() == Dialect::Postgres)
        (void)m_db->exec(u"SELECT pg_notify('suanli_offers', '')"_s);
}

Result<void> SqlStore::touchHosts(const QHash<qint64, qint64> &lastSeenMs)
{
    if (lastSeenMs.isEmpty())
        return {};
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    for (auto it = lastSeenMs.constBegin(); it != lastSeenMs.constEnd(); ++it) {
        auto r = m_db->exec(u"UPDATE hosts SET last_seen = ? WHERE id = ? AND last_seen < ?"_s,
                            {it.value(), it.key(), it.value()});
        if (!r)
            return r.error();
    }
    return tx.commit();
}

Result<void> SqlStore::confirmHosts(const QHash<qint64, qint64> &confirmedMs)
{
    if (confirmedMs.isEmpty())
        return {};
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    for (auto it = confirmedMs.constBegin(); it != confirmedMs.constEnd(); ++it) {
        auto r =
            m_db->exec(u"UPDATE hosts SET confirmed_at = ? WHERE id = ? AND confirmed_at < ?"_s,
                       {it.value(), it.key(), it.value()});
        if (!r)
            return r.error();
    }
    return tx.commit();
}

Result<qint64> SqlStore::hostConfirmedAt(qint64 hostId)
{
    auto at = m_db->scalar(u"SELECT confirmed_at FROM hosts WHERE id = ?"_s, {hostId});
    if (!at)
        return at.error();
    return at->isNull() ? 0 : at->toLongLong();
}

namespace {

/// ASCII-only lower case, as SQLite's lower() and PostgreSQL's under COLLATE "C".
QString asciiLower(QString text)
{
    for (QChar &c : text) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() - u'A' + u'a');
    }
    return text;
}

} // namespace

Result<void> SqlStore::setHostAvailability(qint64 hostId, bool available, const QString &reason)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto r = m_db->exec(u"UPDATE hosts SET paused = ?, paused_reason = ? WHERE id = ?"_s,
                        {!available, available ? QString() : reason.left(200), hostId});
    if (!r)
        return r.error();
    if (auto o = refreshOffer(hostId); !o)
        return o.error();
    return tx.commit();
}

Result<PriceSuggestion> SqlStore::priceSuggestion(const QString &gpuModel)
{
    // Listed hosts with the same GPU model (ASCII case-insensitive; "" for machines without
    // GPUs), online or not: what lenders ask, and how much of it is rented right now.
    auto q = m_db->exec(u"SELECT o.price_gpu_hour_micro, o.gpus_total, o.gpus_free, o.available, "
                        "h.online, h.paused FROM offers o JOIN hosts h ON h.id = o.host_id "
                        "WHERE h.listed = ? AND lower(o.gpu_model) = ?"_s,
                        {true, asciiLower(gpuModel.trimmed())});
    if (!q)
        return q.error();
    PriceSuggestion p;
    p.gpuModel = gpuModel.trimmed();
    QList<Micro> prices;
    qint64 units = 0, rented = 0;
    while (q->next()) {
        prices.append(q->value(0).toLongLong());
        const int total = q->value(1).toInt();
        const bool online = q->value(4).toBool() && !q->value(5).toBool();
        if (!online)
            continue;
        if (total > 0) {
            units += total;
            rented += total - q->value(2).toInt();
        } else {
            units += 1; // a machine without GPUs is rented whole
            rented += q->value(3).toBool() ? 0 : 1;
        }
    }
    p.listed = prices.size();
    if (!prices.isEmpty()) {
        std::sort(prices.begin(), prices.end());
        const qsizetype n = prices.size();
        p.medianPriceMicro = n % 2 ? prices[n / 2] : (prices[n / 2 - 1] + prices[n / 2]) / 2;
    }
    p.rentedShare = units ? double(rented) / double(units) : 0.0;
    return p;
}

Result<QHash<qint64, qint64>> SqlStore::silentHosts(qint64 cutoffMs)
{
    auto q = m_db->exec(u"SELECT id, last_seen FROM hosts WHERE online = ? AND last_seen < ?"_s,
                        {true, cutoffMs});
    if (!q)
        return q.error();
    QHash<qint64, qint64> lastSeen;
    while (q->next())
        lastSeen.insert(q->value(0).toLongLong(), q->value(1).toLongLong());
    q->finish();
    return lastSeen;
}

Result<QList<qint64>> SqlStore::lostHostsSpeaking(qint64 sinceMs)
{
    return m_db->column(u"SELECT id FROM hosts WHERE online = ? AND last_seen > ?"_s,
                        {false, sinceMs});
}

Result<QList<protocol::Image>> SqlStore::images()
{
    auto q = m_db->exec(u"SELECT images FROM hosts WHERE online = ? AND listed = ?"_s,
                        {true, true});
    if (!q)
        return q.error();
    QList<protocol::Image> result;
    QSet<QString> seen;
    while (q->next()) {
        const auto array = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).array();
        for (const auto &value : array) {
            auto image = protocol::imageFromJson(value.toObject());
            if (image && !seen.contains(image->ref)) {
                seen.insert(image->ref);
                result.append(*image);
            }
        }
    }
    return result;
}

Result<OfferPage> SqlStore::searchOffers(const protocol::query::Query &query,
                                         const QList<protocol::query::OrderKey> &order, int limit,
                                         int offset)
{
    const auto sql = protocol::query::toSql(query, order);
    static const QString columns =
        u"id, host_id, host_name, gpu_model, gpu_memory_mb, gpus_total, gpus_free, cpu_cores, "
        "ram_mb, disk_free_gb, price_gpu_hour_micro, price_storage_gb_month_micro, "
        "inet_down_mbps, inet_up_mbps, reliability, region, verified, interruptible, "
        "min_duration_s, cuda_version, driver_version, perf_tflops, "
        "price_gpu_day_micro, price_gpu_week_micro, price_gpu_month_micro, "
        "price_nogpu_hour_micro, cpu_cores_per_gpu, ram_mb_per_gpu, net_down_mbps, net_up_mbps, "
        "disk_write_mbps, measured_at"_s;
    QVariantList bindings = {true};
    bindings += sql.bindings;
    auto total = m_db->scalar(u"SELECT COUNT(*) FROM offers WHERE available = ? AND ("_s
                                  + sql.where + u")"_s,
                              bindings);
    if (!total)
        return total.error();
    bindings << limit << offset;
    auto q = m_db->exec(u"SELECT "_s + columns + u" FROM offers WHERE available = ? AND ("_s
                            + sql.where + u") ORDER BY "_s + sql.orderBy
                            + u" LIMIT ? OFFSET ?"_s,
                        bindings);
    if (!q)
        return q.error();
    OfferPage page;
    page.total = total->toLongLong();
    while (q->next()) {
        Offer o;
        o.id = q->value(0).toLongLong();
        o.host_id = q->value(1).toLongLong();
        o.host_name = q->value(2).toString();
        o.gpu_model = q->value(3).toString();
        o.gpu_memory_mb = q->value(4).toLongLong();
        o.gpus_total = q->value(5).toInt();
        o.gpus_free = q->value(6).toInt();
        o.cpu_cores = q->value(7).toInt();
        o.ram_mb = q->value(8).toLongLong();
        o.disk_free_gb = q->value(9).toLongLong();
        o.price_gpu_hour_micro = q->value(10).toLongLong();
        o.price_storage_gb_month_micro = q->value(11).toLongLong();
        o.inet_down_mbps = q->value(12).toInt();
        o.inet_up_mbps = q->value(13).toInt();
        o.reliability = q->value(14).toDouble();
        o.region = q->value(15).toString();
        o.verified = q->value(16).toBool();
        o.interruptible = q->value(17).toBool();
        o.min_duration_s = q->value(18).toLongLong();
        o.cuda_version = q->value(19).toString();
        o.driver_version = q->value(20).toString();
        if (!q->value(21).isNull())
            o.perf_tflops = q->value(21).toDouble();
        for (auto [c, price] :
             {std::pair{22, &o.price_gpu_day_micro}, std::pair{23, &o.price_gpu_week_micro},
              std::pair{24, &o.price_gpu_month_micro}, std::pair{25, &o.price_nogpu_hour_micro},
              std::pair{26, &o.cpu_cores_per_gpu}, std::pair{27, &o.ram_mb_per_gpu},
              std::pair{28, &o.net_down_mbps}, std::pair{29, &o.net_up_mbps},
              std::pair{30, &o.disk_write_mbps}}) {
            if (!q->value(c).isNull())
                *price = q->value(c).toLongLong();
        }
        if (!q->value(31).isNull())
            o.measured_at = QDateTime::fromMSecsSinceEpoch(q->value(31).toLongLong(), Qt::UTC);
        page.offers.append(o);
    }
    return page;
}

} // namespace suanli::server
