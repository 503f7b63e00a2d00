#include "database.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {

/// The write lock of one SQLite file for this process's connections to it. SQLite's own lock
/// has no queue: a connection that finds it taken sleeps and polls (1, 2, 5, 10 … 100 ms), so
/// a connection that takes it again and again (the billing thread's batches) can keep another
/// waiting far longer than any one transaction. A queue hands it over in the order asked.
/// Other processes (admin commands) still meet SQLite's lock and its busy timeout.
std::shared_ptr<FairLock> sqliteWriteLock(const QString &path)
{
    static QMutex guard;
    static QHash<QString, std::weak_ptr<FairLock>> locks;
    const QFileInfo info(path);
    const QString key = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    QMutexLocker locker(&guard);
    if (auto existing = locks.value(key).lock())
        return existing;
    auto created = std::make_shared<FairLock>();
    locks.insert(key, created);
    return created;
}

/// A statement that writes, run outside a transaction (an implicit one of its own).
bool isWrite(const QString &sql)
{
    return sql.startsWith("UPDATE"_L1) || sql.startsWith("INSERT"_L1)
        || sql.startsWith("DELETE"_L1);
}

} // namespace

void FairLock::lock()
{
    QMutexLocker locker(&m_mutex);
    const Qt::HANDLE self = QThread::currentThreadId();
    if (m_depth > 0 && m_owner == self) {
        ++m_depth;
        return;
    }
    const quint64 ticket = m_nextTicket++;
    while (m_serving != ticket)
        m_turn.wait(&m_mutex);
    m_owner = self;
    m_depth = 1;
}

void FairLock::unlock()
{
    QMutexLocker locker(&m_mutex);
    if (--m_depth > 0)
        return;
    m_owner = nullptr;
    ++m_serving;
    m_turn.wakeAll();
}

Database::Database(Dialect dialect, QString connectionName, QString url)
    : m_dialect(dialect)
    , m_connectionName(std::move(connectionName))
    , m_url(std::move(url))
{
}

Database::~Database()
{
    m_prepared.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<std::unique_ptr<Database>> Database::open(const QString &url, const QString &connectionName)
{
    return openWith(url, connectionName, false);
}

Result<std::unique_ptr<Database>> Database::openReadOnly(const QString &url,
                                                         const QString &connectionName)
{
    return openWith(url, connectionName, true);
}

Result<std::unique_ptr<Database>> Database::openWith(const QString &url,
                                                     const QString &connectionName, bool readOnly)
{
    std::unique_ptr<Database> db;
    if (url.startsWith("sqlite:"_L1)) {
        const QString path = url.mid(7);
        if (path.isEmpty())
            return makeError(u"invalid_database"_s, u"sqlite: needs a file path"_s);
        db.reset(new Database(Dialect::Sqlite, connectionName, url));
        db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db->m_db.setDatabaseName(path);
        // Several processes (serve + admin commands) may share the file.
        db->m_db.setConnectOptions(readOnly ? u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s
                                            : u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    } else if (url.startsWith("postgresql://"_L1) || url.startsWith("postgres://"_L1)) {
        const QUrl parsed(url);
        if (!parsed.isValid() || parsed.path().size() < 2)
            return makeError(u"invalid_database"_s,
                             u"expected postgresql://user:password@host:port/database"_s);
        db.reset(new Database(Dialect::Postgres, connectionName, url));
        db->m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        db->m_db.setHostName(parsed.host().isEmpty() ? u"127.0.0.1"_s : parsed.host());
        db->m_db.setPort(parsed.port(5432));
        db->m_db.setDatabaseName(parsed.path().mid(1));
        db->m_db.setUserName(parsed.userName());
        db->m_db.setPassword(parsed.password());
        const QUrlQuery options(parsed);
        if (options.hasQueryItem(u"sslmode"_s))
            db->m_db.setConnectOptions(u"sslmode="_s + options.queryItemValue(u"sslmode"_s));
    } else {
        return makeError(u"invalid_database"_s,
                         u"--db must be sqlite:PATH or postgresql://…, got '%1'"_s.arg(url));
    }
    if (!db->m_db.open())
        return makeError(u"database_unavailable"_s,
                         u"cannot open %1: %2"_s.arg(url, db->m_db.lastError().text()));

    if (readOnly && db->m_dialect == Dialect::Sqlite) {
        db->m_writeLock = sqliteWriteLock(db->m_db.databaseName());
        return db;
    }
    if (readOnly) {
        for (const auto &set : {u"SET client_min_messages TO WARNING"_s,
                                u"SET default_transaction_read_only = on"_s}) {
            if (auto r = db->execDirect(set); !r)
                return r.error();
        }
        return db;
    }
    if (db->m_dialect == Dialect::Sqlite) {
        // WAL lets readers run during writes; FULL makes every committed ledger entry durable.
        for (const auto &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                                   u"PRAGMA foreign_keys=ON"_s, u"PRAGMA busy_timeout=10000"_s}) {
            // scalar() resets the statement: an unfinished PRAGMA journal_mode counts as a
            // write in progress, and SQLite then refuses the first SAVEPOINT.
            auto r = db->scalar(pragma);
            if (!r)
                return r.error();
        }
        db->m_writeLock = sqliteWriteLock(db->m_db.databaseName());
    } else {
        auto r = db->execDirect(u"SET client_min_messages TO WARNING"_s);
        if (!r)
            return r.error();
    }
    return db;
}

Error Database::errorFrom(const QSqlError &error, const QString &sql) const
{
    const QString native = error.nativeErrorCode();
    // SQLite: 19 constraint, 1555 primary key, 2067 unique. PostgreSQL: 23505 unique_violation.
    const bool unique = native == "23505"_L1 || native == "2067"_L1 || native == "1555"_L1
        || (native == "19"_L1 && error.databaseText().contains("UNIQUE"_L1));
    if (unique)
        return makeError(u"conflict"_s, error.databaseText());
    return makeError(u"database_error"_s, u"%1 (in: %2)"_s.arg(error.text(), sql.left(120)));
}

Result<Rows> Database::exec(const QString &sql, const QVariantList &bindings)
{
    const bool writing = m_writeLock && m_depth == 0 && isWrite(sql);
    if (writing)
        m_writeLock->lock();
    auto result = execLocked(sql, bindings);
    if (writing)
        m_writeLock->unlock();
    return result;
}

Result<Rows> Database::execLocked(const QString &sql, const QVariantList &bindings)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return errorFrom(query->lastError(), sql);
        it = m_prepared.emplace(sql, std::move(query)).first;
    }
    QSqlQuery &query = *it->second;
    query.finish();
    for (int i = 0; i < bindings.size(); ++i) {
        const QVariant &value = bindings.at(i);
        // A null QString would bind as SQL NULL; our text columns mean "empty" by it.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(i, QString(u""_s));
        else
            query.bindValue(i, value);
    }
    if (!query.exec())
        return errorFrom(query.lastError(), sql);
    return Rows(&query);
}

Result<void> Database::execDirect(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return errorFrom(query.lastError(), sql);
    return {};
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &bindings)
{
    auto r = exec(sql, bindings);
    if (!r)
        return r.error();
    QVariant value;
    if (r->next())
        value = r->value(0);
    r->finish();
    return value;
}

Result<QList<qint64>> Database::column(const QString &sql, const QVariantList &bindings)
{
    auto r = exec(sql, bindings);
    if (!r)
        return r.error();
    QList<qint64> values;
    while (r->next())
        values.append(r->value(0).toLongLong());
    r->finish();
    return values;
}

Result<qint64> Database::insertReturningId(const QString &sql, const QVariantList &bindings)
{
    // Both SQLite (3.35+) and PostgreSQL understand RETURNING.
    auto r = scalar(sql + u" RETURNING id"_s, bindings);
    if (!r)
        return r.error();
    return r->toLongLong();
}

Result<void> Database::begin()
{
    // Inside a transaction, a nested begin() is a savepoint: its rollback undoes only its own
    // statements, so a batch can skip one failed item and keep the others.
    if (m_depth > 0) {
        auto r = execDirect(u"SAVEPOINT sp%1"_s.arg(m_depth));
        if (!r)
            return r.error();
        ++m_depth;
        return {};
    }
    // SQLite: take the write lock at once so two writers never deadlock on upgrade.
    if (m_dialect == Dialect::Sqlite) {
        if (m_writeLock)
            m_writeLock->lock();
        auto r = exec(u"BEGIN IMMEDIATE"_s);
        if (!r) {
            if (m_writeLock)
                m_writeLock->unlock();
            return r.error();
        }
    } else if (!m_db.transaction()) {
        return errorFrom(m_db.lastError(), u"BEGIN"_s);
    }
    m_depth = 1;
    return {};
}

void Database::finishAll()
{
    // An unfinished SELECT keeps its statement open, and SQLite refuses to COMMIT past it.
    for (auto &[sql, query] : m_prepared) {
        if (query->isActive())
            query->finish();
    }
}

Result<void> Database::commit()
{
    finishAll();
    if (m_depth > 1) {
        --m_depth;
        auto r = execDirect(u"RELEASE SAVEPOINT sp%1"_s.arg(m_depth));
        if (!r) {
            rollbackToSavepoint();
            return r.error();
        }
        return {};
    }
    m_depth = 0;
    if (m_dialect == Dialect::Sqlite) {
        auto r = exec(u"COMMIT"_s);
        if (!r)
            (void)exec(u"ROLLBACK"_s);
        if (m_writeLock)
            m_writeLock->unlock();
        if (!r)
            return r.error();
        return {};
    }
    if (!m_db.commit()) {
        const Error error = errorFrom(m_db.lastError(), u"COMMIT"_s);
        m_db.rollback();
        return error;
    }
    return {};
}

void Database::rollback()
{
    finishAll();
    if (m_depth > 1) {
        --m_depth;
        rollbackToSavepoint();
        return;
    }
    m_depth = 0;
    if (m_dialect == Dialect::Sqlite) {
        (void)exec(u"ROLLBACK"_s);
        if (m_writeLock)
            m_writeLock->unlock();
    } else {
        m_db.rollback();
    }
}

void Database::rollbackToSavepoint()
{
    // m_depth is already the outer level; the savepoint being undone is sp<m_depth>.
    (void)execDirect(u"ROLLBACK TO SAVEPOINT sp%1"_s.arg(m_depth));
    (void)execDirect(u"RELEASE SAVEPOINT sp%1"_s.arg(m_depth));
}

QString Database::forUpdate(const QString &alias, bool skipLocked) const
{
    if (m_dialect == Dialect::Sqlite)
        return {};
    QString clause = u" FOR UPDATE"_s;
    if (!alias.isEmpty())
        clause += u" OF "_s + alias;
    if (skipLocked)
        clause += u" SKIP LOCKED"_s;
    return clause;
}

QString Database::idColumn() const
{
    return m_dialect == Dialect::Sqlite ? u"INTEGER PRIMARY KEY AUTOINCREMENT"_s
                                        : u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s;
}

} // namespace suanli::server
