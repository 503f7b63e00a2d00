#pragma once

#include "protocol/agentmessages.h"
#include "protocol/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace suanli::host {

/// What the agent knows of one instance; survives kill -9 (the journal is written before
/// anything is sent or any container is touched).
struct InstanceRecord
{
    qint64 id = 0;
    protocol::InstanceState state = protocol::InstanceState::Pending;
    QString reason;
    qint64 seq = 0;  ///< last instance_state seq produced
    int port = 0;    ///< published host port of sshd
    QString hostKey; ///< "ssh-ed25519 AAAA…"
    protocol::InstanceSpec spec;
    QString jupyterToken; ///< empty: no Jupyter
    QStringList gpus;     ///< GPU UUIDs passed by CDI
    QString commandId;    ///< the command being carried out, if any
    qint64 logOffset = 0; ///< bytes of the container log already sent
    QString container;    ///< container and volume name
};

/// A command acknowledged to the market.
struct PendingCommand
{
    QString id;
    qint64 instanceId = 0;
    QString action;
};

/// A message that could not be sent (market unreachable), kept in order until it is.
struct OutboxEntry
{
    qint64 id = 0;
    QString kind;
    QByteArray payload;
};

/// The agent's local SQLite journal: instances, command ids seen, the usage sequence and the
/// outbox of unsent reports. One per state folder; single-threaded.
class Journal
{
public:
    static Result<std::unique_ptr<Journal>> open(const QString &path);
    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    /// Random id of this agent's state, used in container names and labels so that several
    /// agents (tests, local mode beside a server agent) never touch each other's containers.
    QString agentId() const { return m_agentId; }

    QList<InstanceRecord> instances() const;
    std::optional<InstanceRecord> instance(qint64 id) const;
    Result<void> save(const InstanceRecord &record);
    Result<void> remove(qint64 id);

    /// Records a command id; false when it was seen before (the agent runs each id once).
    Result<bool> recordCommand(const QString &commandId, qint64 instanceId, const QString &action);
    Result<void> markCommandDone(const QString &commandId);
    bool isCommandDone(const QString &commandId) const;
    /// Commands recorded but not marked done, oldest first.
    QList<PendingCommand> unfinishedCommands() const;

    Result<qint64> nextUsageSeq();

    Result<void> enqueue(const QString &kind, const QByteArray &payload);
    QList<OutboxEntry> outbox(int limit = 500) const;
    Result<void> dropOutbox(qint64 upToId);
    /// Keeps at most `keep` entries of `kind`, dropping the oldest (telemetry is bounded).
    Result<void> trimOutbox(const QString &kind, int keep);
    int outboxSize() const;

    QString path() const { return m_path; }

private:
    Journal() = default;
    Result<void> exec(const QString &sql, const QVariantList &values = {}) const;
    QString meta(const QString &key) const;
    Result<void> setMeta(const QString &key, const QString &value);

    QString m_connection;
    QString m_path;
    QString m_agentId;
};

} // namespace suanli::host
