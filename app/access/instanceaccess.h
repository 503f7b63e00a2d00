#pragma once

#include "protocol/result.h"
#include "protocol/types.h"
#include "ssh/session.h"
#include "ssh/sshconfig.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace suanli::access {

class TerminalLauncher;

/// Everything "getting in" needs for one instance (docs/ssh.md§4): its ~/.ssh/config entry,
/// terminal, VS Code and Jupyter links, and the Ports panel's forwards over one SSH session.
/// The session is opened on the first forward and closed when the instance stops running or
/// this object goes — no tunnel survives either.
class InstanceAccess : public QObject
{
    Q_OBJECT
public:
    using OpenUrl = std::function<bool(const QUrl &)>;
    /// Where the session's key and passphrase come from (the app reads the passphrase from the
    /// keychain, asynchronously): called before each session is opened, answers on `context`.
    using IdentitySource = std::function<void(
        QObject *context, std::function<void(Result<ssh::Identity>)> done)>;

    /// openUrl: how the UI opens a link (QDesktopServices::openUrl); the core never does.
    InstanceAccess(const protocol::Instance &instance, QString privateKeyPath,
                   ssh::SshConfig config, OpenUrl openUrl, ssh::SessionOptions options = {},
                   QObject *parent = nullptr);
    ~InstanceAccess() override;

    QString hostAlias() const;
    /// Without one, sessions use the private key path given above, unprotected.
    void setIdentitySource(IdentitySource source) { m_identitySource = std::move(source); }
    /// Opens the session again with a fresh identity (the passphrase was just entered) if it
    /// stopped for want of one or on a fatal error; the forwards and their ports stay.
    void retryConnection();
    /// The last session stopped (or could not start) because the key's passphrase is missing
    /// or wrong ("ssh_key_passphrase").
    bool needsPassphrase() const { return m_needsPassphrase; }
    /// Feed every update of the instance: leaving `running` closes the session and its
    /// forwards; new SSH details (a restart elsewhere) make the next forward use them.
    void setInstance(const protocol::Instance &instance);

    /// Writes the Host file and the pinned key (docs/app.md), for `ssh <alias>` and VS Code.
    Result<void> writeSshConfig();
    /// Removes them (the instance was destroyed).
    Result<void> removeSshConfig();
    /// Lines of the user's ~/.ssh/config that would override ours; shown as a warning.
    QList<ssh::SshConfigWarning> configWarnings() const;

    Result<void> openTerminal(const TerminalLauncher &launcher);
    QUrl vscodeUrl() const;
    QString sshCommand() const;

    /// Forwards a free 127.0.0.1 port to the instance's Jupyter (its 127.0.0.1:8888), opens the
    /// browser with the token, and returns the URL (also for copying).
    Result<QUrl> openJupyter();

    /// The Ports panel: 127.0.0.1:localPort (0: any free one) → the instance's
    /// 127.0.0.1:remotePort.
    Result<ssh::ForwardStats> addForward(quint16 remotePort, quint16 localPort = 0);
    void removeForward(int id);
    QList<ssh::ForwardStats> forwards() const;
    ssh::SessionState sessionState() const;

signals:
    void forwardChanged(const suanli::ssh::ForwardStats &stats);
    void forwardRemoved(int id);
    void sessionStateChanged(suanli::ssh::SessionState state);
    void errorOccurred(const suanli::Error &error);

private:
    Result<ssh::Session *> ensureSession();
    void startSession();
    void closeSession();
    void onError(const Error &error);

    protocol::Instance m_instance;
    QString m_privateKeyPath;
    ssh::SshConfig m_config;
    OpenUrl m_openUrl;
    ssh::SessionOptions m_options;
    IdentitySource m_identitySource;
    std::unique_ptr<ssh::Session> m_session;
    /// Tells an identity answer for an earlier session from one for the current.
    quint64 m_sessionGeneration = 0;
    int m_jupyterForward = 0;
    bool m_needsPassphrase = false;
};

} // namespace suanli::access
