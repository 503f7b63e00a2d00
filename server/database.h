#pragma once

#include "protocol/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <QMutex>
#include <QWaitCondition>

#include <memory>
#include <unordered_map>

namespace suanli::server {

enum class Dialect { Sqlite, Postgres };

/// A view of a cached prepared statement after exec(): valid until the same SQL text is
/// executed again. Read it (or finish()) before running that statement again.
class Rows
{
public:
    explicit Rows(QSqlQuery *query) : m_query(query) {}
    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    void finish() { m_query->finish(); }

private:
    QSqlQuery *m_query;
};

/// A first-come-first-served lock, re-entrant on its thread. SQLite writers of one process
/// queue on it: a plain mutex lets a thread that unlocks take it again before the woken waiter
/// runs, which on a loaded machine starved the event loop behind the billing thread.
class FairLock
{
public:
    void lock();
    void unlock();

private:
    QMutex m_mutex;
    QWaitCondition m_turn;
    quint64 m_nextTicket = 0;
    quint64 m_serving = 0;
    Qt::HANDLE m_owner = nullptr;
    int m_depth = 0;
};

/// A Qt SQL connection plus the few things that differ between SQLite and PostgreSQL.
/// Owned by one thread. All statements are prepared with `?` placeholders.
class Database
{
public:
    /// `url` is "sqlite:PATH" or "postgresql://user:pass@host:port/dbname".
    static Result<std::unique_ptr<Database>> open(const QString &url, const QString &connectionName);
    /// A connection that can only read (relay-authorize): SQLite opened read-only, PostgreSQL
    /// with read-only transactions. Nothing is migrated or written.
    static Result<std::unique_ptr<Database>> openReadOnly(const QString &url,
                                                          const QString &connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Dialect dialect() const { return m_dialect; }
    QSqlDatabase &handle() { return m_db; }
    const QString &url() const { return m_url; }

    /// Prepare (cached per text) and execute. On failure returns an Error with code
    /// "conflict" for unique violations, "database_error" otherwise.
    Result<Rows> exec(const QString &sql, const QVariantList &bindings = {});
    /// Runs a statement without preparing it: DDL and SET, which PostgreSQL cannot prepare.
    Result<void> execDirect(const QString &sql);
    /// exec() and read the first column of the first row (or an invalid QVariant).
    Result<QVariant> scalar(const QString &sql, const QVariantList &bindings = {});
    /// exec() and read the first column of every row as an integer (ids).
    Result<QList<qint64>> column(const QString &sql, const QVariantList &bindings = {});
    /// INSERT … RETURNING id, on either back end.
    Result<qint64> insertReturningId(const QString &sql, const QVariantList &bindings = {});

    /// begin() inside a transaction opens a savepoint; commit() and rollback() then release
    /// or undo only that savepoint.
    Result<void> begin();
    Result<void> commit();
    void rollback();
    bool inTransaction() const { return m_depth > 0; }

    /// The name of the auto-increment primary key type for migrations.
    QString idColumn() const;

    /// How a SELECT inside a transaction locks the rows it read, appended to its text.
    /// PostgreSQL: " FOR UPDATE [OF alias] [SKIP LOCKED]", so a read-modify-write of a row
    /// never works on a version another connection is changing (READ COMMITTED would let the
    /// later write overwrite the earlier one). SQLite: nothing, since BEGIN IMMEDIATE already
    /// holds the database's one write lock for the whole transaction.
    QString forUpdate(const QString &alias = {}, bool skipLocked = false) const;

private:
    Database(Dialect dialect, QString connectionName, QString url);
    static Result<std::unique_ptr<Database>> openWith(const QString &url,
                                                      const QString &connectionName, bool readOnly);
    Result<Rows> execLocked(const QString &sql, const QVariantList &bindings);
    void finishAll();
    void rollbackToSavepoint();
    Error errorFrom(const QSqlError &error, const QString &sql) const;

    Dialect m_dialect;
    QString m_connectionName;
    QString m_url;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_prepared;
    int m_depth = 0; ///< 0: no transaction, 1: a transaction, n > 1: n - 1 savepoints inside
    /// SQLite: shared by this process's connections to the same file, held from BEGIN to
    /// COMMIT/ROLLBACK and around a write outside a transaction (see open()).
    std::shared_ptr<FairLock> m_writeLock;
};

/// Commits on commit(), rolls back on scope exit otherwise.
class Transaction
{
public:
    explicit Transaction(Database &db) : m_db(db) { m_result = m_db.begin(); }
    ~Transaction()
    {
        if (m_result.ok() && !m_done)
            m_db.rollback();
    }
    Result<void> started() const { return m_result; }
    Result<void> commit()
    {
        m_done = true;
        return m_db.commit();
    }

private:
    Database &m_db;
    Result<void> m_result;
    bool m_done = false;
};

} // namespace suanli::server
