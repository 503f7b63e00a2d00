#include "sqlstore_rows.h"

#include "protocol/json.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

// Saved images (docs/market.md, "Saved images"): a renter's instance committed by its agent as an
// image the renter owns, listed by GET /api/v1/images, launched on the host that holds it (any
// host once it is in the market's registry), billed for storage until deleted.

namespace suanli::server {

using protocol::CommandAction;

struct SqlStore::ImageRow
{
    protocol::OwnImage image;
    qint64 accountId = 0;
    qint64 sourceHostId = 0;
    qint64 hostOwner = 0; ///< the owner of source_host_id: who earns the storage
    qint64 storageStartMs = 0;
    qint64 storageEndMs = 0;
    Micro storageCharged = 0;
    qint64 accrualN = 0;
    qint64 deletedAtMs = 0;
};

namespace {

const QString kImageColumns =
    u"i.id, i.account_id, i.instance_id, i.source_host_id, i.host_id, i.name, i.ref, i.state, "
    "i.reason, i.size_bytes, i.has_jupyter, i.price_storage_gb_month_micro, i.created_at, "
    "i.storage_start, i.storage_end, i.storage_charged, i.accrual_n, i.deleted_at, "
    "COALESCE(h.name, ''), COALESCE(s.owner_id, 0)"_s;
const QString kImageFrom = u" FROM images i LEFT JOIN hosts h ON h.id = i.host_id "
                           "LEFT JOIN hosts s ON s.id = i.source_host_id "_s;

/// The ref a saved image gets: in the registry when the market has one, else in the Podman
/// storage of the host that saves it (a namespace no host image uses, docs/host.md).
QString imageRef(const MarketPolicy &policy, qint64 imageId)
{
    QString base = u"localhost"_s;
    if (!policy.registry.isEmpty()) {
        const QUrl url(policy.registry);
        base = url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
    }
    return u"%1/suanli-images/img-%2:latest"_s.arg(base).arg(imageId);
}

} // namespace

bool isSavedImageRef(const QString &ref)
{
    return ref.contains(u"/suanli-images/"_s);
}

Result<std::optional<SqlStore::ImageRow>> SqlStore::loadImage(const QString &where,
                                                              const QVariant &value, bool lock)
{
    // FOR UPDATE may not name the outer joined tables on PostgreSQL: the image row only.
    const QString forUpdate =
        lock && !m_db->forUpdate().isEmpty() ? u" FOR UPDATE OF i"_s : QString();
    auto q = m_db->exec(u"SELECT "_s + kImageColumns + kImageFrom + u"WHERE "_s + where + forUpdate,
                        {value});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ImageRow>();
    ImageRow r;
    protocol::OwnImage &i = r.image;
    i.id = q->value(0).toLongLong();
    r.accountId = q->value(1).toLongLong();
    i.instance_id = q->value(2).toLongLong();
    r.sourceHostId = q->value(3).toLongLong();
    if (!q->value(4).isNull())
        i.host_id = q->value(4).toLongLong();
    i.name = q->value(5).toString();
    i.title = i.name;
    i.ref = q->value(6).toString();
    i.state = q->value(7).toString();
    i.reason = q->value(8).toString();
    i.size_bytes = q->value(9).toLongLong();
    i.has_jupyter = q->value(10).toBool();
    i.price_storage_gb_month_micro = q->value(11).toLongLong();
    i.created_at = QDateTime::fromMSecsSinceEpoch(q->value(12).toLongLong(), Qt::UTC);
    r.storageStartMs = q->value(13).toLongLong();
    r.storageEndMs = q->value(14).toLongLong();
    r.storageCharged = q->value(15).toLongLong();
    r.accrualN = q->value(16).toLongLong();
    r.deletedAtMs = q->value(17).toLongLong();
    i.host_name = q->value(18).toString();
    r.hostOwner = q->value(19).toLongLong();
    q->finish();
    return std::optional<ImageRow>(r);
}

Result<void> SqlStore::saveImageRow(const ImageRow &r)
{
    auto q = m_db->exec(
        u"UPDATE images SET host_id = ?, ref = ?, state = ?, reason = ?, size_bytes = ?, "
        "storage_start = ?, storage_end = ?, storage_charged = ?, accrual_n = ?, deleted_at = ? "
        "WHERE id = ?"_s,
        {r.image.host_id ? QVariant(*r.image.host_id) : QVariant(QMetaType::fromType<qint64>()),
         r.image.ref, r.image.state, r.image.reason, r.image.size_bytes, r.storageStartMs,
         r.storageEndMs, r.storageCharged, r.accrualN, r.deletedAtMs, r.image.id});
    if (!q)
        return q.error();
    return {};
}

Result<protocol::OwnImage> SqlStore::saveImage(qint64 accountId, qint64 instanceId,
                                               const QString &name, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto row = loadInstance(instanceId);
    if (!row) {
        if (row.error().code == "not_found"_L1)
            return makeError(u"not_found"_s, u"no such instance"_s);
        return row.error();
    }
    if (row->accountId != accountId)
        return makeError(u"not_found"_s, u"no such instance"_s);
    const protocol::InstanceState state = row->inst.state;
    if (state != protocol::InstanceState::Running && state != protocol::InstanceState::Stopped)
        return makeError(u"invalid_state"_s,
                         u"an image can be saved of a running or stopped instance, this one is "
                         "%1"_s.arg(protocol::toString(state)));
    // Jupyter comes with the image the instance was made from (a host image or a saved one).
    bool hasJupyter = false;
    if (auto images =
            m_db->scalar(u"SELECT images FROM hosts WHERE id = ?"_s, {row->inst.host_id})) {
        const auto array = QJsonDocument::fromJson(images->toString().toUtf8()).array();
        for (const auto &value : array) {
            const QJsonObject image = value.toObject();
            if (image.value(u"ref"_s).toString() == row->inst.image)
                hasJupyter = image.value(u"has_jupyter"_s).toBool();
        }
    }
    if (auto parent = loadImage(u"i.ref = ?"_s, row->inst.image, false); parent && *parent)
        hasJupyter = (*parent)->image.has_jupyter;
    auto id = m_db->insertReturningId(
        u"INSERT INTO images (account_id, instance_id, source_host_id, host_id, name, state, "
        "has_jupyter, price_storage_gb_month_micro, created_at) "
        "VALUES (?, ?, ?, ?, ?, 'saving', ?, ?, ?)"_s,
        {accountId, instanceId, row->inst.host_id, row->inst.host_id, name, hasJupyter,
         row->inst.price_storage_gb_month_micro, nowMs});
    if (!id)
        return id.error();
    protocol::ImageCommand command;
    command.id = *id;
    command.ref = imageRef(m_policy, *id);
    if (!m_policy.registry.isEmpty())
        command.registry = protocol::RegistryAccess{m_policy.registry, m_policy.registryUsername,
                                                    m_policy.registryPassword};
    auto setRef = m_db->exec(u"UPDATE images SET ref = ? WHERE id = ?"_s, {command.ref, *id});
    if (!setRef)
        return setRef.error();
    if (auto c = queueCommand(row->inst.host_id, instanceId, CommandAction::SaveImage, {}, nowMs,
                              command);
        !c)
        return c.error();
    auto saved = loadImage(u"i.id = ?"_s, *id, false);
    if (!saved)
        return saved.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return (*saved)->image;
}

Result<QList<protocol::OwnImage>> SqlStore::ownImages(qint64 accountId)
{
    auto q = m_db->exec(u"SELECT i.id"_s + kImageFrom +
                            u"WHERE i.account_id = ? AND i.deleted_at = 0 ORDER BY i.id DESC"_s,
                        {accountId});
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    q->finish();
    QList<protocol::OwnImage> result;
    for (qint64 id : std::as_const(ids)) {
        auto row = loadImage(u"i.id = ?"_s, id, false);
        if (!row)
            return row.error();
        if (*row)
            result.append((*row)->image);
    }
    return result;
}

Result<void> SqlStore::settleImage(ImageRow &row, qint64 untilMs, QList<Change> &changes)
{
    if (!row.storageStartMs || untilMs <= row.storageStartMs)
        return {};
    if (row.storageEndMs)
        untilMs = std::min(untilMs, row.storageEndMs);
    // Whole seconds since the image became ready, charged as floor(p * bytes * t / (GB *
    // month)) minus what was charged already: the same exact meter as a stopped instance's.
    const qint64 seconds = (untilMs - row.storageStartMs) / 1000;
    const Micro target = imageStorageChargeForSeconds(row.image.price_storage_gb_month_micro,
                                                      row.image.size_bytes, seconds);
    const Micro delta = target - row.storageCharged;
    if (delta <= 0)
        return {};
    auto platform = platformAccount();
    if (!platform)
        return platform.error();
    const qint64 n = row.accrualN + 1;
    const QString key = u"image:%1:storage:%2"_s.arg(row.image.id).arg(n);
    auto renter = appendLedger(row.accountId, u"storage"_s, -delta, key, row.image.instance_id,
                               u"image %1 (%2 bytes) stored × %3 s"_s.arg(row.image.name)
                                   .arg(row.image.size_bytes)
                                   .arg(seconds),
                               untilMs);
    if (!renter)
        return renter.error();
    const Micro fee = platformFee(target, m_policy.platformFeePpm) -
                      platformFee(row.storageCharged, m_policy.platformFeePpm);
    // On its host the lender stores it and earns it net of the fee; in the registry the market
    // stores it and keeps the whole charge.
    const bool onHost = row.image.host_id.has_value() && row.hostOwner > 0;
    if (onHost) {
        auto lender = appendLedger(row.hostOwner, u"earning"_s, delta - fee, key + u":earning"_s,
                                   row.image.instance_id,
                                   u"storage of image %1"_s.arg(row.image.id), untilMs);
        if (!lender)
            return lender.error();
    }
    auto feeEntry = appendLedger(*platform, u"fee"_s, onHost ? fee : delta, key + u":fee"_s,
                                 row.image.instance_id,
                                 onHost ? u"platform fee"_s : u"registry storage"_s, untilMs);
    if (!feeEntry)
        return feeEntry.error();
    row.accrualN = n;
    row.storageCharged = target;
    changes.append({Change::Kind::Balance, row.accountId, 0, 0});
    if (onHost)
        changes.append({Change::Kind::Balance, row.hostOwner, 0, 0});
    return {};
}

Result<qint64> SqlStore::deleteImage(qint64 accountId, qint64 imageId, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    // Lock order of every posting: the platform account before the image row (accrueImages).
    if (auto platform = lockedPlatformAccount(); !platform)
        return platform.error();
    auto row = loadImage(u"i.id = ?"_s, imageId, true);
    if (!row)
        return row.error();
    if (!*row || (*row)->accountId != accountId || (*row)->deletedAtMs)
        return makeError(u"image_not_found"_s, u"no such image"_s);
    ImageRow &r = **row;
    QList<Change> changes;
    if (auto s = settleImage(r, nowMs, changes); !s)
        return s.error();
    r.deletedAtMs = nowMs;
    if (r.storageStartMs)
        r.storageEndMs = std::max(nowMs, r.storageStartMs);
    const qint64 hostId = r.image.host_id.value_or(r.sourceHostId);
    if (auto s = saveImageRow(r); !s)
        return s.error();
    // The host frees it from its Podman storage; a save still under way is deleted when its
    // `ready` comes (applyImageState).
    if (r.image.state != "saving"_L1) {
        if (auto c = queueCommand(hostId, r.image.instance_id, CommandAction::DeleteImage, {},
                                  nowMs, protocol::ImageCommand{r.image.id, r.image.ref, {}});
            !c)
            return c.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    return r.image.state != "saving"_L1 ? hostId : 0;
}

Result<QList<Change>>
SqlStore::applyImageState(qint64 hostId, const protocol::ImageStateMessage &report, qint64 nowMs)
{
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    auto row = loadImage(u"i.id = ?"_s, report.image_id, true);
    if (!row)
        return row.error();
    QList<Change> changes;
    if (!*row)
        return makeError(u"forbidden"_s, u"image %1 is not on this host"_s.arg(report.image_id));
    ImageRow &r = **row;
    if (r.sourceHostId != hostId && r.image.host_id != hostId)
        return makeError(u"forbidden"_s, u"image %1 is not on this host"_s.arg(report.image_id));
    if (r.image.state != "saving"_L1) {
        // A repeat (the agent resends from its outbox): nothing changes twice.
        if (auto c = tx.commit(); !c)
            return c.error();
        return changes;
    }
    if (report.state == "ready"_L1) {
        if (report.size_bytes <= 0)
            return makeError(u"invalid_value"_s, u"a ready image has a size"_s, u"size_bytes"_s);
        r.image.state = u"ready"_s;
        r.image.size_bytes = report.size_bytes;
        if (report.pushed)
            r.image.host_id.reset(); // in the registry: any host pulls it
        if (r.deletedAtMs) {
            // Deleted while it was being saved: never billed, freed at once.
            if (auto c = queueCommand(hostId, r.image.instance_id, CommandAction::DeleteImage, {},
                                      nowMs, protocol::ImageCommand{r.image.id, r.image.ref, {}});
                !c)
                return c.error();
            changes.append({Change::Kind::Command, 0, 0, hostId});
        } else {
            r.storageStartMs = nowMs;
        }
    } else if (report.state == "failed"_L1) {
        r.image.state = u"failed"_s;
        r.image.reason = report.reason;
    } else {
        return makeError(u"invalid_value"_s, u"state is ready or failed"_s, u"state"_s);
    }
    if (auto s = saveImageRow(r); !s)
        return s.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    changes.append({Change::Kind::Balance, r.accountId, 0, 0});
    return changes;
}

Result<std::optional<protocol::OwnImage>>
SqlStore::imageForLaunch(qint64 accountId, const QString &ref, qint64 hostId)
{
    if (!isSavedImageRef(ref))
        return std::optional<protocol::OwnImage>();
    auto row = loadImage(u"i.ref = ?"_s, ref, false);
    if (!row)
        return row.error();
    // Another renter's image is "not found", the same as one that never was: refs do not leak.
    if (!*row || (*row)->accountId != accountId || (*row)->deletedAtMs)
        return makeError(u"image_not_found"_s, u"you have no image %1"_s.arg(ref), u"image"_s);
    const protocol::OwnImage &image = (*row)->image;
    if (image.state != "ready"_L1)
        return makeError(u"image_not_ready"_s,
                         u"the image %1 is %2, not ready"_s.arg(image.name, image.state),
                         u"image"_s);
    if (image.host_id && *image.host_id != hostId)
        return makeError(u"image_on_other_host"_s,
                         u"the image %1 lives on host %2 (id %3) only: launch it on that host's "
                         "offer"_s.arg(image.name, image.host_name)
                             .arg(*image.host_id),
                         u"image"_s);
    return std::optional<protocol::OwnImage>(image);
}

Result<QList<Change>> SqlStore::accrueImages(qint64 nowMs)
{
    auto ids = m_db->column(u"SELECT id FROM images WHERE storage_start > 0 AND storage_end = 0 "
                            "ORDER BY id"_s);
    if (!ids)
        return ids.error();
    QList<Change> changes;
    for (qint64 id : std::as_const(*ids)) {
        Transaction tx(*m_db);
        if (!tx.started())
            return tx.started().error();
        if (auto platform = lockedPlatformAccount(); !platform)
            return platform.error();
        auto row = loadImage(u"i.id = ?"_s, id, true);
        if (!row)
            return row.error();
        if (!*row || (*row)->storageEndMs)
            continue; // deleted meanwhile: its delete settled it
        QList<Change> local;
        if (auto s = settleImage(**row, nowMs, local); !s) {
            if (s.error().code == "conflict"_L1)
                continue; // another market process charged this second first
            return s.error();
        }
        if (auto s = saveImageRow(**row); !s)
            return s.error();
        if (auto c = tx.commit(); !c) {
            if (c.error().code == "conflict"_L1)
                continue;
            return c.error();
        }
        changes += local;
    }
    return changes;
}

} // namespace suanli::server
