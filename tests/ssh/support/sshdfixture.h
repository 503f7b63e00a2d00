#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <QList>

#include <memory>
#include <sys/types.h>

namespace suanli::ssh::test {

/// Pids of every live process below `root`, breadth first (sshd's per-connection children and
/// theirs), read from /proc.
QList<pid_t> descendantProcesses(pid_t root);
/// Kills `root` and everything below it with SIGKILL: the root is stopped first so that it
/// forks nothing new, its children are killed until none is left (a session's process may
/// fork its own meanwhile), then the root. A server machine gone, not a graceful stop.
void killProcessTree(pid_t root);

/// A real OpenSSH sshd on 127.0.0.1 with its own temporary config, host key (ed25519, made by
/// our key code) and authorized_keys: one client key generated for the tests. Logs in as the
/// user running the tests.
class SshdFixture
{
public:
    SshdFixture();
    ~SshdFixture();

    /// Lines added to sshd_config (before start()), e.g. "SetEnv PATH=/nowhere\n".
    void addConfig(const QString &lines) { m_extraConfig += lines; }
    /// The authorized_keys file's content instead of the fixture's own client key (before
    /// start()), e.g. another fixture's key behind options, for a relay.
    void setAuthorizedKeys(const QString &lines) { m_authorizedKeys = lines; }
    /// Rewrites authorized_keys of a running sshd (read at each login).
    bool rewriteAuthorizedKeys(const QString &lines);
    /// Starts sshd and waits until it accepts connections; false with a reason otherwise.
    bool start(QString *error);
    void stop();
    /// Kills sshd and every session process it forked (SIGKILL, by their ids): the server
    /// machine gone, not a graceful stop that leaves sessions running.
    void kill();
    /// Starts sshd again on the same port with the same keys and config (after stop()/kill()).
    bool restart(QString *error);

    quint16 port() const { return m_port; }
    QString user() const;
    QString hostKeyLine() const { return m_hostKeyLine; }
    QString clientKeyPath() const { return m_dir.path() + QStringLiteral("/client_ed25519"); }
    QString clientPublicKeyLine() const { return m_clientPublicKeyLine; }
    QString dir() const { return m_dir.path(); }
    QString log() const;

private:
    bool launch(QString *error);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_hostKeyLine;
    QString m_clientPublicKeyLine;
    QString m_extraConfig;
    QString m_authorizedKeys;
};

/// A port no one listens on right now (bound and released; fine for tests on loopback).
quint16 freeLoopbackPort();

} // namespace suanli::ssh::test
