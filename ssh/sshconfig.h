#pragma once

#include "protocol/result.h"
#include "sshtypes.h"

#include <QList>
#include <QString>

namespace suanli::ssh {

/// Where the OpenSSH files live. Injected so that tests run against a temporary HOME.
struct SshConfigPaths
{
    QString userSshDir; ///< ~/.ssh
    QString appSshDir;  ///< the app's own folder: config.d/<alias>.conf, known_hosts, the lock

    /// ~/.ssh and <AppConfigLocation>/ssh.
    static SshConfigPaths defaults();
};

/// What one instance's Host block says (docs/ssh.md).
struct SshHostEntry
{
    QString alias; ///< "suanli-<label>", see SshConfig::hostAlias()
    QString hostName;
    quint16 port = 22;
    QString user;
    QString identityFile;
    QString hostKey; ///< the pinned "ssh-ed25519 AAAA…" line
    /// Set: hostName/port are the target as the relay sees it; the file gets a second Host
    /// block for the relay (relayAlias()) and the instance's block a ProxyJump to it.
    std::optional<JumpHost> jump = std::nullopt;
};

/// A line of the user's ~/.ssh/config, read before our Include, that sets an option for our
/// hosts first — OpenSSH keeps the first value it reads, so that line wins over ours.
struct SshConfigWarning
{
    int line = 0; ///< 1-based
    QString text;
    QString message;
};

/// Makes `ssh suanli-<label>` and VS Code Remote-SSH reach an instance: one file per instance
/// in the app's folder, a pinned known_hosts, and a single Include line at the top of
/// ~/.ssh/config. The user's file is only touched once, to add that line — under a lock, after
/// a backup, through an atomic rename. Calls are synchronous file I/O (milliseconds; up to the
/// lock timeout when another Suanli process writes): run them off the UI thread.
class SshConfig
{
public:
    explicit SshConfig(SshConfigPaths paths = SshConfigPaths::defaults());

    /// "suanli-" + the label in lower case, with anything but [a-z0-9._-] turned into '-'.
    static QString hostAlias(const QString &label);
    /// The Host name of an instance's relay: "<alias>-relay". One per instance, so the relay's
    /// pinned key in known_hosts never clashes across relays, ports or instances, and goes
    /// with the instance's own.
    static QString relayAlias(const QString &alias);

    QString userConfigPath() const;
    QString backupPath() const;
    QString hostFilePath(const QString &alias) const;
    QString knownHostsPath() const;
    QString includeLine() const;

    /// Adds the Include line at the top of ~/.ssh/config unless it is there already.
    Result<void> ensureInclude();
    /// Writes (or replaces) the instance's Host file and its known_hosts line; ensures the
    /// Include line.
    Result<void> writeHost(const SshHostEntry &entry);
    /// Removes the instance's Host file and known_hosts line (the instance was destroyed).
    Result<void> removeHost(const QString &alias);
    /// Lines of ~/.ssh/config that would override our options for alias.
    QList<SshConfigWarning> overrideWarnings(const QString &alias) const;

private:
    template <typename F> Result<void> locked(F &&body);
    Result<void> insertIncludeLocked();
    /// Replaces the lines of the given aliases with the given keys (an empty key: none).
    Result<void> rewriteKnownHostsLocked(const QList<std::pair<QString, QString>> &keys);

    SshConfigPaths m_paths;
};

} // namespace suanli::ssh
