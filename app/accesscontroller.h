#pragma once

#include "app/access/instanceaccess.h"
#include "protocol/result.h"
#include "ssh/sshconfig.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <map>
#include <memory>
#include <optional>


namespace suanli::app {

class InstanceListModel;
class SshKeys;

/// Getting into the renter's running instances (docs/ssh.md§3): one access::InstanceAccess per
/// running instance with SSH details, kept in step with the instance list. When an instance
/// runs, its ~/.ssh/config file and pinned host key are written (in a worker thread: the
/// config is guarded by a file lock); when it leaves the list (destroyed) they are removed.
/// Leaving `running` closes its tunnels (InstanceAccess does that).
class AccessController : public QObject
{
    Q_OBJECT
public:
    explicit AccessController(InstanceListModel *model, QObject *parent = nullptr);
    ~AccessController() override;

    /// The market's private key (SshKeys::keyPath), used without a passphrase; set before
    /// instances run. setSshKey() is the app's way.
    void setPrivateKeyPath(const QString &path) { m_keyPath = path; }
    /// The market's key from `keys`: every session reads the key's passphrase from the
    /// keychain (SshKeys::identity) before it connects.
    void setSshKey(SshKeys *keys, const QUrl &market);
    /// Checks the passphrase the user typed, keeps it in the keychain and reconnects the
    /// sessions that stopped for want of it. "ssh_key_passphrase" when it is wrong.
    void supplyPassphrase(const QString &passphrase, QObject *context,
                          std::function<void(Result<void>)> done);
    /// How links open (the UI passes QDesktopServices::openUrl).
    void setOpenUrl(access::InstanceAccess::OpenUrl openUrl) { m_openUrl = std::move(openUrl); }
    /// Where the OpenSSH files go (tests); the defaults otherwise.
    void setConfigPaths(const ssh::SshConfigPaths &paths) { m_paths = paths; }

    /// The access of a running instance with SSH details, or null.
    access::InstanceAccess *access(qint64 instanceId) const;
    /// Whether `ssh <alias>` works yet: the instance's config file is written.
    bool configWritten(qint64 instanceId) const;

signals:
    /// An instance's access appeared, went, or its config was written.
    void accessChanged(qint64 instanceId);
    /// Writing or removing the instance's ~/.ssh/config file failed.
    void configFailed(qint64 instanceId, const suanli::Error &error);
    /// Lines of ~/.ssh/config that override ours (shown as a warning, once per instance).
    void configWarnings(qint64 instanceId, const QList<suanli::ssh::SshConfigWarning> &warnings);
    /// The instance's SSH server presented a key other than the pinned one (or an unusable
    /// one): the connection was refused. Shown as a security error, never as a trust prompt.
    void securityError(qint64 instanceId, const suanli::Error &error);
    /// The key's passphrase is missing or wrong ("ssh_key_passphrase"): the UI asks for it
    /// (supplyPassphrase()). The key file is untouched.
    void passphraseNeeded(qint64 instanceId, const suanli::Error &error);
    /// Any other tunnel error (retried by the session unless fatal).
    void errorOccurred(qint64 instanceId, const suanli::Error &error);

private:
    struct Entry
    {
        std::unique_ptr<access::InstanceAccess> access;
        std::optional<protocol::SshEndpoint> written; ///< what the config file says now
        bool writing = false;
    };

    access::InstanceAccess::IdentitySource identitySource();
    void scheduleSync();
    void sync();
    void writeConfig(qint64 id);
    void removeConfig(const QString &alias);

    InstanceListModel *m_model;
    QString m_keyPath;
    QPointer<SshKeys> m_keys;
    QUrl m_market;
    access::InstanceAccess::OpenUrl m_openUrl;
    ssh::SshConfigPaths m_paths = ssh::SshConfigPaths::defaults();
    std::map<qint64, Entry> m_entries;
    bool m_syncQueued = false;
    /// One thread, so the writes and removals of a file happen in the order asked.
    QThreadPool m_configThread;
};

} // namespace suanli::app
