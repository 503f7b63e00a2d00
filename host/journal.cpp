#include "journal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {

int s_connections = 0;

QByteArray specToJson(const protocol::InstanceSpec &spec)
{
    QJsonObject env;
    for (auto it = spec.env.cbegin(); it != spec.env.cend(); ++it)
        env.insert(it.key(), it.value());
    return QJsonDocument(QJsonObject{{u"image"_s, spec.image},
                                     {u"gpu_count"_s, spec.gpu_count},
                                     {u"disk_gb"_s, spec.disk_gb},
                                     {u"ssh_public_key"_s, spec.ssh_public_key},
                                     {u"env"_s, env},
                                     {u"onstart"_s, spec.onstart},
                                     {u"jupyter"_s, spec.jupyter},
                                     {u"label"_s, spec.label}})
        .toJson(QJsonDocument::Compact);
}

protocol::InstanceSpec specFromJson(const QByteArray &bytes)
{
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    protocol::InstanceSpec spec;
    spec.image = o.value(u"image"_s).toString();
    spec.gpu_count = o.value(u"gpu_count"_s).toInt();
    spec.disk_gb = o.value(u"disk_gb"_s).toInteger();
    spec.ssh_public_key = o.value(u"ssh_public_key"_s).toString();
    const QJsonObject env = o.value(u"env"_s).toObject();
    for (auto it = env.begin(); it != env.end(); ++it)
        spec.env.insert(it.key(), it.value().toString());
    spec.onstart = o.value(u"onstart"_s).toString();
    spec.jupyter = o.value(u"jupyter"_s).toBool();
    spec.label = o.value(u"label"_s).toString();
    return spec;
}

Error sqlError(const QSqlError &e)
{
    return makeError(u"journal_error"_s, u"host journal: %1"_s.arg(e.text()));
}

} // namespace

Result<std::unique_ptr<Journal>> Journal::open(const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(u"state_dir_unwritable"_s,
                         u"cannot create %1"_s.arg(QFileInfo(path).absolutePath()));
    std::unique_ptr<Journal> j(new Journal);
    j->m_path = path;
    j->m_connection = u"suanli-host-journal-%1"_s.arg(++s_connections);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, j->m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        return sqlError(db.lastError());
    // WAL + FULL: a state change is on disk before the report about it leaves.
    for (const QString &sql :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s, u"PRAGMA busy_timeout=5000"_s,
          u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
          u"CREATE TABLE IF NOT EXISTS instances (id INTEGER PRIMARY KEY, state TEXT NOT NULL, "
          "reason TEXT, seq INTEGER NOT NULL, port INTEGER NOT NULL, host_key TEXT, "
          "spec TEXT NOT NULL, jupyter_token TEXT, gpus TEXT, command_id TEXT, "
          "log_offset INTEGER NOT NULL, container TEXT NOT NULL, "
          "state_at INTEGER NOT NULL DEFAULT 0)"_s,
          u"CREATE TABLE IF NOT EXISTS commands (id TEXT PRIMARY KEY, instance_id INTEGER NOT "
          u"NULL, "
          "action TEXT NOT NULL, received_at INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0, "
          "gpu_count INTEGER)"_s,
          u"CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, "
          "kind TEXT NOT NULL, payload TEXT NOT NULL)"_s}) {
        if (auto r = j->exec(sql); !r)
            return r.error();
    }
    // Journals of before the transition time (docs/protocol.md, `at`) gain its column; their
    // records read 0, "unknown", and their next report goes without a time.
    if (auto r =
            j->addColumnIfMissing(u"instances"_s, u"state_at"_s, u"INTEGER NOT NULL DEFAULT 0"_s);
        !r)
        return r.error();
    // A start's gpu_count (NULL: none), for the replay of a start acknowledged before a restart.
    if (auto r = j->addColumnIfMissing(u"commands"_s, u"gpu_count"_s, u"INTEGER"_s); !r)
        return r.error();
    j->m_agentId = j->meta(u"agent_id"_s);
    if (j->m_agentId.isEmpty()) {
        j->m_agentId = QString::number(QRandomGenerator::system()->generate64(), 16).left(10);
        if (auto r = j->setMeta(u"agent_id"_s, j->m_agentId); !r)
            return r.error();
    }
    j->m_identity = j->meta(u"identity"_s);
    return j;
}

QString Journal::identityOf(const QByteArray &hostToken)
{
    // Domain-separated so the hash is of no use anywhere else; 48 bits tell a folder's few
    // registrations apart.
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("suanli-host-identity\n" + hostToken),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(12));
}

namespace {

const auto kFirstJournal = u"journal.db"_s;

QString identityFileName(const QString &identity)
{
    return u"journal-%1.db"_s.arg(identity);
}

} // namespace

QString Journal::pathFor(const QString &stateDir, const QString &identity)
{
    const QDir dir(stateDir);
    const QString own = dir.filePath(identityFileName(identity));
    if (QFileInfo::exists(own))
        return own;
    const QString first = dir.filePath(kFirstJournal);
    if (!QFileInfo::exists(first))
        return first;
    auto j = open(first);
    if (j && ((*j)->identity().isEmpty() || (*j)->identity() == identity))
        return first;
    return own;
}

Result<std::unique_ptr<Journal>> Journal::openFor(const QString &stateDir, const QString &identity)
{
    const QString path = pathFor(stateDir, identity);
    const bool existed = QFileInfo::exists(path);
    auto j = open(path);
    if (!j)
        return j.error();
    if ((*j)->m_identity.isEmpty()) {
        // A journal of before identities belongs to the token it was written with, which is
        // the one the agent runs with on its first start after the upgrade (docs/host.md).
        (*j)->m_claimed = existed;
        if (auto r = (*j)->setMeta(u"identity"_s, identity); !r)
            return r.error();
        (*j)->m_identity = identity;
    } else if ((*j)->m_identity != identity) {
        return makeError(u"journal_error"_s,
                         u"host journal %1 belongs to registration %2, not %3"_s.arg(
                             (*j)->path(), (*j)->m_identity, identity));
    }
    return j;
}

QList<JournalFile> Journal::scan(const QString &stateDir)
{
    QList<JournalFile> list;
    const QDir dir(stateDir);
    if (!dir.exists())
        return list;
    QStringList names = dir.entryList({u"journal-*.db"_s}, QDir::Files, QDir::Name);
    if (dir.exists(kFirstJournal))
        names.prepend(kFirstJournal);
    for (const QString &name : std::as_const(names)) {
        auto j = open(dir.filePath(name));
        if (!j)
            continue;
        list.append({(*j)->path(), (*j)->identity(), (*j)->agentId(), (*j)->market(),
                     (*j)->hostId(), (*j)->instances()});
    }
    return list;
}

QList<JournalFile> Journal::stale(const QString &stateDir, const QString &identity)
{
    const QString current = identity.isEmpty() ? QString() : pathFor(stateDir, identity);
    QList<JournalFile> list = scan(stateDir);
    list.removeIf([&](const JournalFile &f) {
        return !current.isEmpty() &&
               QFileInfo(f.path).absoluteFilePath() == QFileInfo(current).absoluteFilePath();
    });
    return list;
}

Result<void> Journal::removeFiles(const QString &path)
{
    for (const QString &file : QStringList{path + u"-wal"_s, path + u"-shm"_s, path}) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            return makeError(u"journal_error"_s, u"cannot remove %1"_s.arg(file));
    }
    return {};
}

Result<void> Journal::setOrigin(const QString &market, qint64 hostId)
{
    if (auto r = setMeta(u"market"_s, market); !r)
        return r;
    return setMeta(u"host_id"_s, QString::number(hostId));
}

Journal::~Journal()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<void> Journal::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.prepare(sql))
        return sqlError(q.lastError());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q.lastError());
    return {};
}

Result<void> Journal::addColumnIfMissing(const QString &table, const QString &column,
                                         const QString &declaration)
{
    QSqlQuery columns(QSqlDatabase::database(m_connection, false));
    if (!columns.exec(u"PRAGMA table_info(%1)"_s.arg(table)))
        return sqlError(columns.lastError());
    while (columns.next()) {
        if (columns.value(1).toString() == column)
            return {};
    }
    return exec(u"ALTER TABLE %1 ADD COLUMN %2 %3"_s.arg(table, column, declaration));
}

QString Journal::meta(const QString &key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

Result<void> Journal::setMeta(const QString &key, const QString &value)
{
    return exec(u"INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                {key, value});
}

static InstanceRecord readRecord(const QSqlQuery &q)
{
    InstanceRecord r;
    r.id = q.value(0).toLongLong();
    r.state = protocol::instanceStateFromString(q.value(1).toString())
                  .value_or(protocol::InstanceState::Failed);
    r.reason = q.value(2).toString();
    r.seq = q.value(3).toLongLong();
    r.port = q.value(4).toInt();
    r.hostKey = q.value(5).toString();
    r.spec = specFromJson(q.value(6).toString().toUtf8());
    r.jupyterToken = q.value(7).toString();
    r.gpus = q.value(8).toString().split(u',', Qt::SkipEmptyParts);
    r.commandId = q.value(9).toString();
    r.logOffset = q.value(10).toLongLong();
    r.container = q.value(11).toString();
    r.at = q.value(12).toLongLong();
    return r;
}

static const auto kColumns = u"id, state, reason, seq, port, host_key, spec, jupyter_token, gpus, "
                             "command_id, log_offset, container, state_at"_s;

QList<InstanceRecord> Journal::instances() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    QList<InstanceRecord> list;
    if (!q.exec(u"SELECT "_s + kColumns + u" FROM instances ORDER BY id"_s))
        return list;
    while (q.next())
        list.append(readRecord(q));
    return list;
}

std::optional<InstanceRecord> Journal::instance(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT "_s + kColumns + u" FROM instances WHERE id = ?"_s);
    q.addBindValue(id);
    if (q.exec() && q.next())
        return readRecord(q);
    return std::nullopt;
}

Result<void> Journal::save(const InstanceRecord &r)
{
    return exec(u"INSERT INTO instances ("_s + kColumns +
                    u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                    "SET state = excluded.state, reason = excluded.reason, seq = excluded.seq, "
                    "state_at = excluded.state_at, "
                    "port = excluded.port, host_key = excluded.host_key, spec = excluded.spec, "
                    "jupyter_token = excluded.jupyter_token, gpus = excluded.gpus, "
                    "command_id = excluded.command_id, log_offset = excluded.log_offset, "
                    "container = excluded.container"_s,
                {r.id, protocol::toString(r.state), r.reason, r.seq, r.port, r.hostKey,
                 QString::fromUtf8(specToJson(r.spec)), r.jupyterToken, r.gpus.join(u','),
                 r.commandId, r.logOffset, r.container, r.at});
}

Result<void> Journal::remove(qint64 id)
{
    return exec(u"DELETE FROM instances WHERE id = ?"_s, {id});
}

Result<bool> Journal::recordCommand(const QString &commandId, qint64 instanceId,
                                    const QString &action, std::optional<int> gpuCount)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"INSERT INTO commands (id, instance_id, action, received_at, gpu_count) "
              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_s);
    q.addBindValue(commandId);
    q.addBindValue(instanceId);
    q.addBindValue(action);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(gpuCount ? QVariant(*gpuCount) : QVariant(QMetaType::fromType<int>()));
    if (!q.exec())
        return sqlError(q.lastError());
    return q.numRowsAffected() == 1;
}

Result<void> Journal::markCommandDone(const QString &commandId)
{
    return exec(u"UPDATE commands SET done = 1 WHERE id = ?"_s, {commandId});
}

bool Journal::isCommandDone(const QString &commandId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT done FROM commands WHERE id = ?"_s);
    q.addBindValue(commandId);
    return q.exec() && q.next() && q.value(0).toInt() == 1;
}

QList<PendingCommand> Journal::unfinishedCommands() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    QList<PendingCommand> list;
    if (!q.exec(u"SELECT id, instance_id, action, gpu_count FROM commands WHERE done = 0 "
                "ORDER BY received_at, rowid"_s))
        return list;
    while (q.next()) {
        PendingCommand c{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                         std::nullopt};
        if (!q.value(3).isNull())
            c.gpuCount = q.value(3).toInt();
        list.append(c);
    }
    return list;
}

Result<qint64> Journal::nextUsageSeq()
{
    const qint64 next = meta(u"usage_seq"_s).toLongLong() + 1;
    if (auto r = setMeta(u"usage_seq"_s, QString::number(next)); !r)
        return r.error();
    return next;
}

Result<void> Journal::enqueue(const QString &kind, const QByteArray &payload)
{
    return exec(u"INSERT INTO outbox (kind, payload) VALUES (?, ?)"_s,
                {kind, QString::fromUtf8(payload)});
}

QList<OutboxEntry> Journal::outbox(int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT id, kind, payload FROM outbox ORDER BY id LIMIT ?"_s);
    q.addBindValue(limit);
    QList<OutboxEntry> list;
    if (!q.exec())
        return list;
    while (q.next())
        list.append(
            {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString().toUtf8()});
    return list;
}

Result<void> Journal::dropOutbox(qint64 upToId)
{
    return exec(u"DELETE FROM outbox WHERE id <= ?"_s, {upToId});
}

Result<void> Journal::trimOutbox(const QString &kind, int keep)
{
    return exec(u"DELETE FROM outbox WHERE kind = ? AND id NOT IN "
                "(SELECT id FROM outbox WHERE kind = ? ORDER BY id DESC LIMIT ?)"_s,
                {kind, kind, keep});
}

int Journal::outboxSize() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(u"SELECT COUNT(*) FROM outbox"_s) && q.next())
        return q.value(0).toInt();
    return 0;
}

} // namespace suanli::host
