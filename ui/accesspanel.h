#pragma once

#include "app/access/instanceaccess.h" // PortForwardModel::access() needs the full type
#include "app/access/portforwardmodel.h"
#include "passphrasedialog.h" // QPointer<PassphraseDialog> needs the full type
#include "protocol/types.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace suanli::app {
class AccessController;
}

namespace suanli::ui {

class PassphraseDialog;

/// Getting into the selected running instance (docs/ssh.md): Open terminal, Open in VS Code,
/// Copy SSH command, Open Jupyter (its URL shown for copying), and the Ports panel with live
/// connection counts and bytes. Hidden while the instance does not run.
class AccessPanel : public QWidget
{
    Q_OBJECT
public:
    AccessPanel(app::AccessController *access, QWidget *parent = nullptr);

    /// The instance shown (null: none); call again when it changes.
    void setInstance(const protocol::Instance *instance);

    QPushButton *terminalButton() { return m_terminal; }
    QPushButton *vscodeButton() { return m_vscode; }
    QPushButton *copySshButton() { return m_copySsh; }
    QPushButton *jupyterButton() { return m_jupyter; }
    QLineEdit *jupyterUrl() { return m_jupyterUrl; }
    QTableView *portsTable() { return m_ports; }
    QSpinBox *remotePortBox() { return m_remotePort; }
    QPushButton *addForwardButton() { return m_addForward; }
    QPushButton *removeForwardButton() { return m_removeForward; }
    /// "Direct" or "Through relay HOST" (docs/ssh.md, "Through a relay").
    QLabel *routeLabel() { return m_route; }
    /// The open "SSH key passphrase" dialog, or null.
    PassphraseDialog *passphraseDialog() { return m_passphraseDialog; }

private:
    void refresh();
    void openTerminal();
    void openJupyter();
    void addForward();
    void removeForward();
    void showSessionState();
    void showNote(const QString &text, bool error = false);
    void showSecurityError(qint64 id, const Error &error);
    void askPassphrase(qint64 id, const Error &error);

    app::AccessController *m_access;
    qint64 m_id = 0;
    bool m_hasJupyter = false;
    QString m_relayHost; ///< the instance's jump host; empty: direct
    access::PortForwardModel m_model;
    QLabel *m_alias;
    QLabel *m_route;
    QPushButton *m_terminal;
    QPushButton *m_vscode;
    QPushButton *m_copySsh;
    QPushButton *m_jupyter;
    QWidget *m_jupyterRow;
    QLineEdit *m_jupyterUrl;
    QPushButton *m_copyJupyter;
    QLabel *m_note;
    QTableView *m_ports;
    QSpinBox *m_remotePort;
    QSpinBox *m_localPort;
    QPushButton *m_addForward;
    QPushButton *m_removeForward;
    QLabel *m_tunnel;
    QPointer<PassphraseDialog> m_passphraseDialog;
};

} // namespace suanli::ui
