#include "accountdialog.h"

#include "app/appcontext.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

namespace {

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

AccountDialog::AccountDialog(app::AppContext *context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_table(new QTableView(this))
    , m_newKey(new QPushButton(tr("New key…"), this))
    , m_revoke(new QPushButton(tr("Revoke"), this))
    , m_password(new QPushButton(tr("Change password…"), this))
    , m_signOut(new QPushButton(tr("Sign out"), this))
    , m_status(new QLabel(this))
{
    setObjectName(u"accountDialog"_s);
    setWindowTitle(tr("Account"));
    resize(880, 460);
    app::Session *session = context->session();
    const bool local = session->isLocal();
    auto *layout = new QVBoxLayout(this);
    const QUrl market = session->marketUrl();
    auto *who = wrapped(
        local ? tr("Signed in as <b>%1</b> on the local market.")
                    .arg(session->account().name.toHtmlEscaped())
              : tr("Signed in as <b>%1</b> on %2.")
                    .arg(session->account().name.toHtmlEscaped(), market.host().toHtmlEscaped()),
        this);
    who->setObjectName(u"accountWho"_s);
    layout->addWidget(who);

    auto *keys = new QGroupBox(tr("API keys"), this);
    auto *keysLayout = new QVBoxLayout(keys);
    keysLayout->addWidget(wrapped(tr("Each computer and script signs in with a key of its own. "
                                     "The market shows only a key's first characters; a revoked "
                                     "key stops working at once."),
                                  keys));
    m_table->setObjectName(u"keysTable"_s);
    m_table->setModel(&m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // The label takes what the times and the prefix leave, so "(this computer)" shows.
    m_table->horizontalHeader()->setSectionResizeMode(app::ApiTokenModel::Label,
                                                      QHeaderView::Stretch);
    for (int column : {app::ApiTokenModel::Prefix, app::ApiTokenModel::Created,
                       app::ApiTokenModel::LastUsed, app::ApiTokenModel::Expires})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    keysLayout->addWidget(m_table, 1);
    auto *keyButtons = new QHBoxLayout;
    m_newKey->setObjectName(u"newKeyButton"_s);
    m_revoke->setObjectName(u"revokeKeyButton"_s);
    keyButtons->addWidget(m_newKey);
    keyButtons->addWidget(m_revoke);
    keyButtons->addStretch(1);
    keysLayout->addLayout(keyButtons);
    layout->addWidget(keys, 1);

    m_status->setObjectName(u"accountStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    auto *bottom = new QHBoxLayout;
    m_password->setObjectName(u"changePasswordButton"_s);
    m_signOut->setObjectName(u"signOutButton"_s);
    bottom->addWidget(m_password);
    bottom->addWidget(m_signOut);
    bottom->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    bottom->addWidget(close);
    layout->addLayout(bottom);
    if (local) {
        // The local market's account has no password, and this app is its only user.
        m_password->hide();
        m_signOut->hide();
    }

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_newKey, &QPushButton::clicked, this, &AccountDialog::newKey);
    connect(m_revoke, &QPushButton::clicked, this, &AccountDialog::confirmRevoke);
    connect(m_password, &QPushButton::clicked, this, &AccountDialog::changePassword);
    connect(m_signOut, &QPushButton::clicked, this, &AccountDialog::signOut);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountDialog::updateButtons);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &AccountDialog::updateButtons);
    updateButtons();
    reload();
}

void AccountDialog::reload(const QString &notice)
{
    m_status->setText(notice.isEmpty() ? tr("Reading the keys…") : notice);
    m_context->currentTokenId(this, [this, notice](Result<qint64> id) {
        if (id)
            m_model.setCurrentId(*id);
        m_context->session()->client()->tokens(
            this, [this, notice](Result<QList<protocol::ApiToken>> keys) {
                if (!keys) {
                    m_status->setText(tr("Could not read the keys: %1").arg(keys.error().message));
                    return;
                }
                m_model.setTokens(*keys);
                m_status->setText(notice.isEmpty() ? tr("%n key(s).", nullptr, int(keys->size()))
                                                   : notice);
                emit keysLoaded();
            });
    });
}

void AccountDialog::updateButtons()
{
    const QModelIndex index = m_table->selectionModel()->currentIndex();
    const bool selected = m_table->selectionModel()->hasSelection() && index.isValid();
    const bool current = selected && index.data(app::ApiTokenModel::CurrentRole).toBool();
    m_revoke->setEnabled(selected && !current);
    m_revoke->setToolTip(current ? tr("This computer's key: use Sign out to revoke it.")
                                 : QString());
}

void AccountDialog::newKey()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"newKeyDialog"_s);
    dialog->setWindowTitle(tr("New key"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMinimumWidth(520);
    auto *form = new QFormLayout(dialog);
    auto *label = new QLineEdit(dialog);
    label->setObjectName(u"newKeyLabel"_s);
    label->setPlaceholderText(tr("e.g. training script"));
    label->setMaxLength(100);
    form->addRow(tr("Label"), label);
    auto *expiry = new QComboBox(dialog);
    expiry->setObjectName(u"newKeyExpiry"_s);
    expiry->addItem(tr("Never"), qint64(0));
    expiry->addItem(tr("In 1 day"), qint64(86400));
    expiry->addItem(tr("In 30 days"), qint64(30 * 86400));
    expiry->addItem(tr("In 1 year"), qint64(365 * 86400));
    form->addRow(tr("Expires"), expiry);
    auto *token = new QLineEdit(dialog);
    token->setObjectName(u"newKeyToken"_s);
    token->setReadOnly(true);
    auto *copy = new QPushButton(tr("Copy"), dialog);
    copy->setObjectName(u"copyKeyButton"_s);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(token, 1);
    tokenRow->addWidget(copy);
    form->addRow(tr("Key"), tokenRow);
    auto *warning = wrapped(tr("Copy the key now: the market shows it this once, and Suanli does "
                               "not keep it."),
                            dialog);
    warning->setObjectName(u"newKeyWarning"_s);
    warning->setStyleSheet(u"color: #b54708"_s);
    form->addRow(warning);
    auto *state = wrapped(QString(), dialog);
    state->setTextFormat(Qt::PlainText);
    form->addRow(state);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    auto *create = buttons->addButton(tr("Create key"), QDialogButtonBox::AcceptRole);
    create->setObjectName(u"createKeyButton"_s);
    create->setDefault(true);
    form->addRow(buttons);
    form->setRowVisible(tokenRow, false);
    form->setRowVisible(warning, false);

    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(copy, &QPushButton::clicked, dialog, [token, copy] {
        QApplication::clipboard()->setText(token->text());
        copy->setText(tr("Copied"));
    });
    connect(create, &QPushButton::clicked, dialog,
            [this, dialog, form, label, expiry, token, tokenRow, warning, state, create, buttons] {
                if (label->text().trimmed().isEmpty()) {
                    state->setText(tr("Give the key a label: what or who it is for."));
                    return;
                }
                protocol::TokenCreateRequest request;
                request.label = label->text().trimmed();
                if (const qint64 seconds = expiry->currentData().toLongLong(); seconds > 0)
                    request.expires_in_s = seconds;
                create->setEnabled(false);
                state->setText(tr("Creating the key…"));
                m_context->session()->client()->createToken(
                    request, dialog,
                    [this, dialog, form, label, expiry, token, tokenRow, warning, state, create,
                     buttons](Result<protocol::IssuedToken> issued) {
                        if (!issued) {
                            create->setEnabled(true);
                            state->setText(
                                tr("The key was not made: %1").arg(issued.error().message));
                            return;
                        }
                        token->setText(issued->token);
                        form->setRowVisible(tokenRow, true);
                        form->setRowVisible(warning, true);
                        label->setEnabled(false);
                        expiry->setEnabled(false);
                        buttons->removeButton(create); // a key is made once per dialog
                        create->hide();
                        buttons->setStandardButtons(QDialogButtonBox::Close);
                        state->clear();
                        token->selectAll();
                        token->setFocus();
                        dialog->adjustSize();
                        reload();
                    });
            });
    dialog->open();
}

void AccountDialog::confirmRevoke()
{
    const QModelIndex index = m_table->selectionModel()->currentIndex();
    if (!index.isValid())
        return;
    const protocol::ApiToken key = m_model.token(index.row());
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Revoke %1?").arg(key.label),
        tr("Revoke the key \"%1\" (%2…)? Whatever uses it is refused at once; this cannot be "
           "undone.")
            .arg(key.label, key.prefix),
        QMessageBox::Cancel, this);
    box->setObjectName(u"confirmRevoke"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *revoke = box->addButton(tr("Revoke"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(revoke, &QPushButton::clicked, this, [this, id = key.id, label = key.label] {
        m_status->setText(tr("Revoking %1…").arg(label));
        m_context->session()->client()->revokeToken(id, this, [this, label](Result<void> done) {
            if (!done) {
                m_status->setText(tr("Could not revoke %1: %2").arg(label, done.error().message));
                return;
            }
            reload();
        });
    });
    box->open();
}

void AccountDialog::changePassword()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"passwordDialog"_s);
    dialog->setWindowTitle(tr("Change password"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMinimumWidth(440);
    auto *form = new QFormLayout(dialog);
    auto *old = new QLineEdit(dialog);
    auto *fresh = new QLineEdit(dialog);
    auto *repeat = new QLineEdit(dialog);
    old->setObjectName(u"oldPassword"_s);
    fresh->setObjectName(u"newPassword"_s);
    repeat->setObjectName(u"repeatPassword"_s);
    for (QLineEdit *edit : {old, fresh, repeat})
        edit->setEchoMode(QLineEdit::Password);
    fresh->setPlaceholderText(tr("at least 8 characters"));
    form->addRow(tr("Current password"), old);
    form->addRow(tr("New password"), fresh);
    form->addRow(tr("Repeat"), repeat);
    form->addRow(wrapped(tr("Every other key of the account is revoked: other computers and "
                            "scripts must sign in again. This computer stays signed in."),
                         dialog));
    auto *state = wrapped(QString(), dialog);
    state->setTextFormat(Qt::PlainText);
    form->addRow(state);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    auto *change = buttons->addButton(tr("Change password"), QDialogButtonBox::AcceptRole);
    change->setObjectName(u"applyPasswordButton"_s);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(
        change, &QPushButton::clicked, dialog, [this, dialog, old, fresh, repeat, state, change] {
            if (fresh->text().size() < 8) {
                state->setText(tr("The new password is too weak: use at least 8 characters."));
                return;
            }
            if (fresh->text() != repeat->text()) {
                state->setText(tr("The two new passwords differ."));
                return;
            }
            change->setEnabled(false);
            state->setText(tr("Changing the password…"));
            m_context->session()->client()->changePassword(
                {old->text(), fresh->text()}, dialog,
                [this, dialog, state, change](Result<qint64> revoked) {
                    change->setEnabled(true);
                    if (!revoked) {
                        const QString &code = revoked.error().code;
                        state->setText(code == "invalid_credentials"_L1
                                           ? tr("The current password is wrong.")
                                       : code == "weak_password"_L1
                                           ? tr("The new password is too weak: use at least 8 "
                                                "characters.")
                                       : code == "too_many_attempts"_L1
                                           ? tr("Too many attempts. Wait a few minutes, then try "
                                                "again.")
                                           : revoked.error().message);
                        return;
                    }
                    dialog->accept();
                    reload(tr("Password changed; %n other key(s) revoked: those computers and "
                              "scripts must sign in again.",
                              nullptr, int(*revoked)));
                });
        });
    dialog->open();
}

void AccountDialog::signOut()
{
    m_signOut->setEnabled(false);
    m_status->setText(tr("Signing out: revoking this computer's key…"));
    m_context->signOut(this, [this](Result<void> done) {
        m_signOut->setEnabled(true);
        if (!done) {
            m_status->setText(tr("Could not sign out: %1").arg(done.error().message));
            return;
        }
        emit signedOut();
        accept();
    });
}

} // namespace suanli::ui
