#include "accesspanel.h"

#include "passphrasedialog.h"
#include "app/access/terminallauncher.h"
#include "app/accesscontroller.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using suanli::ssh::SessionState;

namespace suanli::ui {

AccessPanel::AccessPanel(app::AccessController *access, QWidget *parent)
    : QWidget(parent)
    , m_access(access)
    , m_alias(new QLabel(this))
    , m_route(new QLabel(this))
    , m_terminal(new QPushButton(tr("Open terminal"), this))
    , m_vscode(new QPushButton(tr("Open in VS Code"), this))
    , m_copySsh(new QPushButton(tr("Copy SSH command"), this))
    , m_jupyter(new QPushButton(tr("Open Jupyter"), this))
    , m_jupyterUrl(new QLineEdit(this))
    , m_copyJupyter(new QPushButton(tr("Copy URL"), this))
    , m_note(new QLabel(this))
    , m_ports(new QTableView(this))
    , m_remotePort(new QSpinBox(this))
    , m_localPort(new QSpinBox(this))
    , m_addForward(new QPushButton(tr("Add forward"), this))
    , m_removeForward(new QPushButton(tr("Remove"), this))
    , m_tunnel(new QLabel(this))
{
    setObjectName(u"accessPanel"_s);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_terminal->setObjectName(u"openTerminal"_s);
    m_vscode->setObjectName(u"openVsCode"_s);
    m_copySsh->setObjectName(u"copySshCommand"_s);
    m_jupyter->setObjectName(u"openJupyter"_s);
    m_jupyterUrl->setObjectName(u"jupyterUrl"_s);
    m_ports->setObjectName(u"portsTable"_s);
    m_addForward->setObjectName(u"addForward"_s);
    m_removeForward->setObjectName(u"removeForward"_s);
    m_note->setObjectName(u"accessNote"_s);
    m_tunnel->setObjectName(u"tunnelState"_s);
    m_route->setObjectName(u"connectionRoute"_s);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *getIn = new QGroupBox(tr("Get in"), this);
    auto *getInLayout = new QVBoxLayout(getIn);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_terminal, m_vscode, m_copySsh, m_jupyter})
        buttons->addWidget(b);
    buttons->addStretch(1);
    getInLayout->addLayout(buttons);
    m_alias->setTextInteractionFlags(Qt::TextSelectableByMouse);
    getInLayout->addWidget(m_alias);
    getInLayout->addWidget(m_route);
    m_jupyterRow = new QWidget(this);
    auto *jupyterRow = new QHBoxLayout(m_jupyterRow);
    jupyterRow->setContentsMargins(0, 0, 0, 0);
    m_jupyterUrl->setReadOnly(true);
    m_jupyterUrl->setPlaceholderText(tr("Open Jupyter to get its address"));
    jupyterRow->addWidget(new QLabel(tr("Jupyter:"), m_jupyterRow));
    jupyterRow->addWidget(m_jupyterUrl, 1);
    jupyterRow->addWidget(m_copyJupyter);
    getInLayout->addWidget(m_jupyterRow);
    m_note->setWordWrap(true);
    getInLayout->addWidget(m_note);
    getInLayout->addStretch(1);
    layout->addWidget(getIn, 1);

    auto *portsBox = new QGroupBox(tr("Ports"), this);
    auto *portsLayout = new QVBoxLayout(portsBox);
    m_ports->setModel(&m_model);
    m_ports->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ports->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ports->verticalHeader()->hide();
    m_ports->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ports->horizontalHeader()->setStretchLastSection(true);
    // A few forwards at most: the instance list above keeps the height.
    m_ports->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_ports->setFixedHeight(m_ports->horizontalHeader()->sizeHint().height()
                            + 4 * (fontMetrics().height() + 8) + 4);
    portsLayout->addWidget(m_ports, 1);
    auto *addRow = new QHBoxLayout;
    m_remotePort->setRange(1, 65535);
    m_remotePort->setValue(6006);
    m_remotePort->setToolTip(tr("The port a program listens on inside the instance "
                                "(6006: TensorBoard, 8888: Jupyter)"));
    m_localPort->setRange(0, 65535);
    m_localPort->setSpecialValueText(tr("any free"));
    m_localPort->setToolTip(tr("The port on this computer (127.0.0.1)"));
    addRow->addWidget(new QLabel(tr("Instance port"), this));
    addRow->addWidget(m_remotePort);
    addRow->addWidget(new QLabel(tr("Local port"), this));
    addRow->addWidget(m_localPort);
    addRow->addWidget(m_addForward);
    addRow->addWidget(m_removeForward);
    addRow->addStretch(1);
    portsLayout->addLayout(addRow);
    portsLayout->addWidget(m_tunnel);
    layout->addWidget(portsBox, 1);

    connect(m_terminal, &QPushButton::clicked, this, &AccessPanel::openTerminal);
    connect(m_vscode, &QPushButton::clicked, this, [this] {
        if (auto *a = m_access->access(m_id); a && !QDesktopServices::openUrl(a->vscodeUrl()))
            showNote(tr("Cannot open VS Code. Install it with the Remote - SSH extension, or "
                        "copy the SSH command."), true);
    });
    connect(m_copySsh, &QPushButton::clicked, this, [this] {
        if (auto *a = m_access->access(m_id)) {
            QGuiApplication::clipboard()->setText(a->sshCommand());
            showNote(tr("Copied: %1").arg(a->sshCommand()));
        }
    });
    connect(m_jupyter, &QPushButton::clicked, this, &AccessPanel::openJupyter);
    connect(m_copyJupyter, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_jupyterUrl->text());
        showNote(tr("Jupyter address copied."));
    });
    connect(m_addForward, &QPushButton::clicked, this, &AccessPanel::addForward);
    connect(m_removeForward, &QPushButton::clicked, this, &AccessPanel::removeForward);
    connect(m_ports->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccessPanel::refresh);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &AccessPanel::refresh);

    connect(m_access, &app::AccessController::accessChanged, this, [this](qint64 id) {
        if (id == m_id)
            refresh();
    });
    connect(m_access, &app::AccessController::configFailed, this,
            [this](qint64 id, const Error &error) {
        if (id == m_id)
            showNote(tr("Cannot write the SSH configuration: %1").arg(error.message), true);
    });
    connect(m_access, &app::AccessController::configWarnings, this,
            [this](qint64 id, const QList<ssh::SshConfigWarning> &warnings) {
        if (id != m_id || warnings.isEmpty())
            return;
        showNote(tr("Line %1 of ~/.ssh/config (%2) comes before Suanli's and overrides it for "
                    "this instance; move it below the Include line.")
                     .arg(warnings.first().line)
                     .arg(warnings.first().text.trimmed()),
                 true);
    });
    connect(m_access, &app::AccessController::securityError, this,
            &AccessPanel::showSecurityError);
    connect(m_access, &app::AccessController::passphraseNeeded, this,
            &AccessPanel::askPassphrase);
    connect(m_access, &app::AccessController::errorOccurred, this,
            [this](qint64 id, const Error &) {
        if (id == m_id)
            showSessionState();
    });
    setInstance(nullptr);
}

void AccessPanel::setInstance(const protocol::Instance *instance)
{
    const qint64 id = instance ? instance->id : 0;
    m_hasJupyter = instance && instance->jupyter.has_value();
    m_relayHost = instance && instance->ssh && instance->ssh->jump ? instance->ssh->jump->host
                                                                   : QString();
    if (id != m_id) {
        m_id = id;
        m_jupyterUrl->clear();
        m_note->clear();
    }
    refresh();
}

void AccessPanel::refresh()
{
    access::InstanceAccess *a = m_id ? m_access->access(m_id) : nullptr;
    setVisible(a != nullptr);
    if (m_model.access() != a) {
        if (m_model.access())
            disconnect(m_model.access(), nullptr, this, nullptr);
        m_model.setAccess(a);
        if (a)
            connect(a, &access::InstanceAccess::sessionStateChanged, this,
                    &AccessPanel::showSessionState);
    }
    if (!a)
        return;
    const bool written = m_access->configWritten(m_id);
    m_terminal->setEnabled(written);
    m_vscode->setEnabled(written);
    m_copySsh->setEnabled(true);
    m_jupyter->setEnabled(m_hasJupyter);
    m_jupyterRow->setVisible(m_hasJupyter);
    m_jupyter->setToolTip(m_hasJupyter ? QString()
                                       : tr("Jupyter was not enabled when this instance was "
                                            "launched."));
    m_copyJupyter->setEnabled(!m_jupyterUrl->text().isEmpty());
    m_alias->setText(written ? tr("In any terminal: <b>%1</b>").arg(a->sshCommand().toHtmlEscaped())
                             : tr("Writing the SSH configuration…"));
    m_route->setText(m_relayHost.isEmpty() ? tr("Direct") : tr("Through relay %1").arg(m_relayHost));
    m_route->setToolTip(m_relayHost.isEmpty()
                            ? tr("SSH goes straight to the lender's computer.")
                            : tr("The lender's computer cannot be reached from outside, so SSH "
                                 "goes through the market's relay. The session stays encrypted "
                                 "end to end: the relay only passes the bytes on."));
    m_removeForward->setEnabled(m_ports->selectionModel()->hasSelection());
    showSessionState();
}

void AccessPanel::openTerminal()
{
    auto *a = m_access->access(m_id);
    if (!a)
        return;
    const access::TerminalLauncher launcher;
    if (auto started = launcher.launch(a->hostAlias()); !started)
        showNote(started.error().message, true);
    else
        showNote(tr("A terminal opens with %1.").arg(a->sshCommand()));
}

void AccessPanel::openJupyter()
{
    auto *a = m_access->access(m_id);
    if (!a)
        return;
    auto url = a->openJupyter();
    if (!url) {
        showNote(url.error().message, true);
        return;
    }
    m_jupyterUrl->setText(url->toString());
    m_jupyterUrl->setCursorPosition(0);
    m_copyJupyter->setEnabled(true);
    showNote(tr("Jupyter opens in your browser through an SSH tunnel; the address above works "
                "while Suanli runs."));
}

void AccessPanel::addForward()
{
    if (!m_access->access(m_id))
        return;
    auto row = m_model.addForward(quint16(m_remotePort->value()), quint16(m_localPort->value()));
    if (!row) {
        showNote(row.error().code == "port_in_use"_L1
                     ? tr("Port %1 on this computer is in use: choose another local port, or "
                          "leave it at \"any free\".")
                           .arg(m_localPort->value())
                     : row.error().message,
                 true);
        return;
    }
    m_ports->selectRow(*row);
    const ssh::ForwardStats &stats = m_model.forward(*row);
    showNote(tr("127.0.0.1:%1 on this computer now reaches port %2 of the instance.")
                 .arg(stats.localPort)
                 .arg(stats.remotePort));
}

void AccessPanel::removeForward()
{
    const QModelIndexList rows = m_ports->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        m_model.removeRows(rows.first().row(), 1);
    refresh();
}

void AccessPanel::showSessionState()
{
    auto *a = m_id ? m_access->access(m_id) : nullptr;
    if (!a)
        return;
    QString text;
    switch (a->sessionState()) {
    case SessionState::Idle:
        text = tr("Tunnels: none open. The SSH connection starts with the first forward.");
        break;
    case SessionState::Connecting:
        text = tr("Tunnels: connecting…");
        break;
    case SessionState::Connected:
        text = tr("Tunnels: connected.");
        break;
    case SessionState::WaitingToReconnect:
        text = tr("Tunnels: connection lost, reconnecting…");
        break;
    case SessionState::Failed:
        text = tr("Tunnels: stopped after an error that retrying cannot fix.");
        break;
    }
    m_tunnel->setText(text);
}

void AccessPanel::showNote(const QString &text, bool error)
{
    m_note->setStyleSheet(error ? u"color: #b42318;"_s : QString());
    m_note->setText(text);
}

void AccessPanel::showSecurityError(qint64 id, const Error &error)
{
    // A pinned key that does not match is never negotiable: no "trust it" button, only Close.
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Security warning"),
                                tr("The instance's SSH server did not prove it is the instance "
                                   "you rented. Suanli refused the connection."),
                                QMessageBox::Close, this);
    box->setObjectName(u"hostKeyMismatch"_s);
    box->setInformativeText(
        tr("The host key it presented differs from the one the market recorded when the "
           "instance started, so someone may be intercepting the connection. Nothing was sent. "
           "Do not connect to this instance by other means; destroy it and launch a new one."));
    box->setDetailedText(error.message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    if (id == m_id)
        showNote(tr("Connection refused: the host key does not match the pinned one."), true);
}

void AccessPanel::askPassphrase(qint64 id, const Error &error)
{
    if (id == m_id)
        showNote(tr("Tunnels wait for the passphrase of your SSH key."), true);
    if (m_passphraseDialog) {
        // One key for all instances: one dialog. A wrong stored passphrase says so in it.
        if (!m_passphraseDialog->isVisible())
            m_passphraseDialog->open();
        return;
    }
    // A wrong one from the keychain reads "the passphrase … is wrong"; a missing one asks.
    auto *dialog = new PassphraseDialog(error.message, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_passphraseDialog = dialog;
    connect(dialog, &PassphraseDialog::submitted, this, [this, dialog](const QString &passphrase) {
        m_access->supplyPassphrase(passphrase, dialog, [this, dialog](Result<void> stored) {
            if (!stored) {
                dialog->setError(stored.error().code == "ssh_key_passphrase"_L1
                                     ? tr("That passphrase does not unlock your SSH key. Try "
                                          "again.")
                                     : stored.error().message);
                return;
            }
            dialog->accept();
            showNote(tr("SSH key unlocked; the tunnels connect."));
        });
    });
    dialog->open();
}

} // namespace suanli::ui
