#include "database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::server {

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
    std::unique_ptr<Database> db;
    if (url.startsWith("sqlite:"_L1)) {
        const QString path = url.mid(7);
        if (path.isEmpty())
            return makeError(u"invalid_database"_s, u"sqlite: needs a file path"_s);
        db.reset(new Database(Dialect::Sqlite, connectionName, url));
        db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db->m_db.setDatabaseName(path);
        // Several processes (serve + admin commands) may share the file.
        db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
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

    if (db->m_dialect == Dialect::Sqlite) {
        // WAL lets readers run during writes; FULL makes every committed ledger entry durable.
        for (const auto &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                                   u"PRAGMA foreign_keys=ON"_s, u"PRAGMA busy_timeout=10000"_s}) {
            auto r = db->exec(pragma);
            if (!r)
                return r.error();
        }
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
        auto r = exec(u"BEGIN IMMEDIATE"_s);
        if (!r)
            return r.error();
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
        if (!r) {
            (void)exec(u"ROLLBACK"_s);
            return r.error();
        }
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
    if (m_dialect == Dialect::Sqlite)
        (void)exec(u"ROLLBACK"_s);
    else
        m_db.rollback();
}

void Database::rollbackToSavepoint()
{
    // m_depth is already the outer level; the savepoint being undone is sp<m_depth>.
    (void)execDirect(u"ROLLBACK TO SAVEPOINT sp%1"_s.arg(m_depth));
    (void)execDirect(u"RELEASE SAVEPOINT sp%1"_s.arg(m_depth));
}

QString Database::idColumn() const
{
    return m_dialect == Dialect::Sqlite ? u"INTEGER PRIMARY KEY AUTOINCREMENT"_s
                                        : u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s;
}

} // namespace suanli::server
