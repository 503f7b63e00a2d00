#pragma once

#include "protocol/agentmessages.h"

#include <QObject>

#include <memory>

class QThread;

namespace suanli::sync {
class SyncJob;
struct SyncProgress;
struct SyncReport;
} // namespace suanli::sync

namespace suanli::host {

/// The target's side of a clone's copy (docs/host.md, "Clone and move"): pulls the source
/// instance's /workspace over SSH into `localRoot` (the new instance's volume) with the sync
/// engine (sync/: plan, pipelined SFTP, each file checked against the source's SHA-256), then
/// verifies the whole tree against a manifest of SHA-256 digests the source computes of its
/// /workspace (`find … | sha256sum`), on a thread of its own. Reports every step as a
/// `copy_progress` message; a failed first login is tried again for a while, since the source's
/// agent may authorize the one-time key moments after the copy command arrives.
class WorkspaceCopy : public QObject
{
    Q_OBJECT
public:
    WorkspaceCopy(qint64 instanceId, protocol::SshEndpoint source, QString privateKeyPath,
                  QString localRoot, QObject *parent = nullptr);
    ~WorkspaceCopy() override;

    void start();
    /// Stops at once (the new instance is being destroyed); no report follows.
    void cancel();

signals:
    void progress(const suanli::protocol::CopyProgressMessage &report);
    /// "done" or "failed", once.
    void finished(const suanli::protocol::CopyProgressMessage &report);

private:
    void startSync();
    void onSyncFinished(const sync::SyncReport &report);
    void verify();
    void fail(const QString &why);

    protocol::CopyProgressMessage m_report;
    protocol::SshEndpoint m_source;
    QString m_keyPath;
    QString m_localRoot;
    std::unique_ptr<sync::SyncJob> m_job;
    QThread *m_verifier = nullptr;
    int m_loginTries = 0;
    bool m_cancelled = false;
};

/// Checks `localRoot` against the source's manifest: lines "<sha256>  ./<path>" (sha256sum's
/// output). Returns an empty string when every file matches and none is missing or extra,
/// otherwise what differs (at most a few paths). Plain function, for tests.
QString compareManifest(const QByteArray &manifest, const QString &localRoot, qint64 *files,
                        qint64 *bytes);

} // namespace suanli::host
