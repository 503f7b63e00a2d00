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
    qint64 at = 0;   ///< when the agent made that transition (ms since the epoch; 0: unknown)
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
    /// A start's spec.gpu_count (the GPUs that start asks for); none: start as the instance is.
    std::optional<int> gpuCount;
};

/// A message that could not be sent (market unreachable), kept in order until it is.
struct OutboxEntry
{
    qint64 id = 0;
    QString kind;
    QByteArray payload;
};

/// One journal file of a state folder as `Journal::scan` finds it.
struct JournalFile
{
    QString path;
    QString identity; ///< empty: written before journals had one (claimed by the next run)
    QString agentId;
    QString market;    ///< the market URL it last ran against (empty before identities)
    qint64 hostId = 0; ///< the host id that market last welcomed it as (0: never welcomed)
    QList<InstanceRecord> instances;
};

/// The agent's local SQLite journal: instances, command ids seen, the usage sequence and the
/// outbox of unsent reports. One per registration (host token) in a state folder, so that
/// what one registration left behind never meets another market's instances (docs/host.md
/// "State folder and registrations"); single-threaded.
class Journal
{
public:
    static Result<std::unique_ptr<Journal>> open(const QString &path);

    /// The registration's identity: a short one-way hash of the host token (the market makes
    /// a new, random token for every registration; the token itself is never written).
    static QString identityOf(const QByteArray &hostToken);
    /// Where the journal of `identity` is in `stateDir`: `journal-<identity>.db` when it
    /// exists; else `journal.db` when it is missing, unclaimed (of before identities) or that
    /// identity's; else `journal-<identity>.db` (new). Writes nothing.
    static QString pathFor(const QString &stateDir, const QString &identity);
    /// Opens (or creates) the journal of `identity` and stamps an unclaimed one with it.
    static Result<std::unique_ptr<Journal>> openFor(const QString &stateDir,
                                                    const QString &identity);
    /// Every journal in `stateDir` (`journal.db`, `journal-*.db`), by file name.
    static QList<JournalFile> scan(const QString &stateDir);
    /// The journals in `stateDir` other than the one `identity` uses: what earlier
    /// registrations left. An empty identity (the token is unknown) returns every journal.
    static QList<JournalFile> stale(const QString &stateDir, const QString &identity);
    /// Deletes a journal file with its WAL and shared-memory files.
    static Result<void> removeFiles(const QString &path);

    /// The registration this journal belongs to (empty: not claimed yet).
    QString identity() const { return m_identity; }
    /// Whether openFor() stamped a journal of before identities with this identity.
    bool claimed() const { return m_claimed; }
    /// Remembers where this registration runs (shown for stale journals).
    Result<void> setOrigin(const QString &market, qint64 hostId);
    QString market() const { return meta(QStringLiteral("market")); }
    qint64 hostId() const { return meta(QStringLiteral("host_id")).toLongLong(); }
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
    /// `gpuCount` is kept for a start that carries one, so a replay after a restart asks the same.
    Result<bool> recordCommand(const QString &commandId, qint64 instanceId, const QString &action,
                               std::optional<int> gpuCount = std::nullopt);
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
    /// ALTER TABLE … ADD COLUMN for a journal written before the column existed.
    Result<void> addColumnIfMissing(const QString &table, const QString &column,
                                    const QString &declaration);
    QString meta(const QString &key) const;
    Result<void> setMeta(const QString &key, const QString &value);

    QString m_connection;
    QString m_path;
    QString m_agentId;
    QString m_identity;
    bool m_claimed = false;
};

} // namespace suanli::host
