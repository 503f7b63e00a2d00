#include "settingsdialog.h"

#include "app/appcontext.h"
#include "app/sshkeys.h"

#ifdef SUANLI_HAVE_TRAY
#include "ui/contributor/autostartbox.h"
#endif

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

SettingsDialog::SettingsDialog(app::Settings *settings, app::SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_local(new QRadioButton(tr("This computer (local mode)"), this))
    , m_remote(new QRadioButton(tr("A market at this address:"), this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_language(new QComboBox(this))
    , m_dataFolder(new QLineEdit(this))
    , m_secretFile(new QCheckBox(tr("When no keychain answers, keep tokens in a file only I can read"), this))
    , m_secretState(new QLabel(this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);

    auto *market = new QGroupBox(tr("Market"), this);
    auto *marketLayout = new QFormLayout(market);
    marketLayout->addRow(m_local);
    marketLayout->addRow(m_remote);
    m_url->setPlaceholderText(u"https://market.example.edu"_s);
    marketLayout->addRow(tr("Address"), m_url);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("leave empty to keep the saved token"));
    marketLayout->addRow(tr("Token"), m_token);
    layout->addWidget(market);

    auto *general = new QGroupBox(tr("General"), this);
    auto *form = new QFormLayout(general);
    m_language->setObjectName(u"languageBox"_s);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"简体中文"_s, u"zh_Hans"_s);
    m_language->addItem(u"繁體中文"_s, u"zh_Hant"_s);
    form->addRow(tr("Language"), m_language);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_dataFolder, 1);
    auto *browse = new QPushButton(tr("Choose…"), this);
    folderRow->addWidget(browse);
    form->addRow(tr("Data folder"), folderRow);
    form->addRow(m_secretFile);
    m_secretState->setWordWrap(true);
    form->addRow(m_secretState);
#ifdef SUANLI_HAVE_TRAY
    m_autostart = new AutostartBox(this);
    form->addRow(m_autostart);
    m_autostartError = new QLabel(this);
    m_autostartError->setWordWrap(true);
    m_autostartError->setStyleSheet(u"color: #b3261e"_s);
    m_autostartError->hide();
    form->addRow(m_autostartError);
#endif
    layout->addWidget(general);

    auto *note = new QLabel(tr("Changes to the market, language and data folder take effect "
                               "the next time Suanli starts."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);

    m_local->setChecked(settings->mode() != app::Settings::Mode::Remote);
    m_remote->setChecked(settings->mode() == app::Settings::Mode::Remote);
    m_url->setText(settings->marketUrl().toString());
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings->language())));
    m_dataFolder->setText(settings->dataFolder());
    m_secretFile->setChecked(settings->secretFileAllowed());
    switch (secrets->kind()) {
    case app::SecretStore::Kind::Keychain:
        m_secretState->setText(tr("Tokens are kept in the system keychain."));
        break;
    case app::SecretStore::Kind::Memory:
        m_secretState->setText(tr("No keychain answers: tokens are kept in memory only and "
                                  "asked for again at the next start."));
        break;
    case app::SecretStore::Kind::File:
        m_secretState->setText(tr("No keychain answers: tokens are kept in a file only you can read."));
        break;
    }
    auto sync = [this] { m_url->setEnabled(m_remote->isChecked()); m_token->setEnabled(m_remote->isChecked()); };
    connect(m_remote, &QRadioButton::toggled, this, sync);
    sync();
    connect(browse, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Data folder"), m_dataFolder->text());
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, m_dataFolder, &QLineEdit::setText);
        dialog->open();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool SettingsDialog::save()
{
#ifdef SUANLI_HAVE_TRAY
    if (const Result<void> autostart = static_cast<AutostartBox *>(m_autostart)->apply();
        !autostart) {
        m_autostartError->setText(
            tr("Could not change the login entry: %1").arg(autostart.error().message));
        m_autostartError->show();
        return false;
    }
#endif
    const bool remote = m_remote->isChecked();
    m_settings->setMode(remote ? app::Settings::Mode::Remote : app::Settings::Mode::Local);
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (remote && url.isValid())
        m_settings->setMarketUrl(url);
    m_settings->setLanguage(m_language->currentData().toString());
    m_settings->setDataFolder(m_dataFolder->text().trimmed());
    m_settings->setSecretFileAllowed(m_secretFile->isChecked());
    m_settings->sync();
    const QString token = m_token->text().trimmed();
    if (remote && url.isValid() && !token.isEmpty())
        m_secrets->write(app::AppContext::tokenKey(url), token, m_secrets, [](Result<void>) {});
    return true;
}

void SettingsDialog::setSshKeys(app::SshKeys *keys, const QUrl &market)
{
    if (m_keys || !keys)
        return;
    m_keys = keys;
    m_market = market;
    auto *group = new QGroupBox(tr("SSH key"), this);
    group->setObjectName(u"sshKeyGroup"_s);
    auto *form = new QFormLayout(group);
    m_keyState = new QLabel(tr("Reading the key…"), group);
    m_keyState->setObjectName(u"sshKeyState"_s);
    m_keyState->setWordWrap(true);
    form->addRow(m_keyState);
    m_oldPass = new QLineEdit(group);
    m_newPass = new QLineEdit(group);
    m_repeatPass = new QLineEdit(group);
    for (QLineEdit *edit : {m_oldPass, m_newPass, m_repeatPass})
        edit->setEchoMode(QLineEdit::Password);
    m_oldPass->setObjectName(u"currentPassphrase"_s);
    m_newPass->setObjectName(u"newPassphrase"_s);
    m_repeatPass->setObjectName(u"repeatPassphrase"_s);
    m_oldPass->setPlaceholderText(tr("leave empty to use the saved one"));
    form->addRow(tr("Current passphrase"), m_oldPass);
    form->addRow(tr("New passphrase"), m_newPass);
    form->addRow(tr("Repeat"), m_repeatPass);
    auto *buttons = new QHBoxLayout;
    m_setPass = new QPushButton(tr("Set passphrase"), group);
    m_removePass = new QPushButton(tr("Remove passphrase"), group);
    m_setPass->setObjectName(u"setPassphrase"_s);
    m_removePass->setObjectName(u"removePassphrase"_s);
    buttons->addStretch(1);
    buttons->addWidget(m_setPass);
    buttons->addWidget(m_removePass);
    form->addRow(buttons);
    auto *hint = new QLabel(tr("The key file is re-encrypted in place; your instances keep "
                               "accepting it. Suanli keeps the passphrase in the system "
                               "keychain; ssh and VS Code ask for it themselves (or use "
                               "ssh-agent)."),
                            group);
    hint->setWordWrap(true);
    form->addRow(hint);
    static_cast<QVBoxLayout *>(layout())->insertWidget(2, group);

    connect(m_setPass, &QPushButton::clicked, this, [this] {
        if (m_newPass->text().isEmpty()) {
            m_keyState->setText(tr("Type the new passphrase twice."));
            return;
        }
        if (m_newPass->text() != m_repeatPass->text()) {
            m_keyState->setText(tr("The two new passphrases differ."));
            return;
        }
        changePassphrase(m_newPass->text());
    });
    connect(m_removePass, &QPushButton::clicked, this, [this] { changePassphrase({}); });
    refreshKeyState();
}

void SettingsDialog::refreshKeyState()
{
    setKeyBusy(true);
    m_keys->isProtected(m_market, this, [this](Result<bool> protectedKey) {
        setKeyBusy(false);
        if (!protectedKey) {
            m_keyState->setText(protectedKey.error().message);
            return;
        }
        m_keyProtected = *protectedKey;
        m_keyState->setText(m_keyProtected
                                ? tr("Your SSH key is protected by a passphrase.")
                                : tr("Your SSH key has no passphrase: anyone who can read your "
                                     "files can use it."));
        m_setPass->setText(m_keyProtected ? tr("Change passphrase") : tr("Set passphrase"));
        m_removePass->setEnabled(m_keyProtected);
        m_oldPass->setEnabled(m_keyProtected);
    });
}

void SettingsDialog::changePassphrase(const QString &newPassphrase)
{
    setKeyBusy(true);
    m_keyState->setText(newPassphrase.isEmpty() ? tr("Removing the passphrase…")
                                                : tr("Encrypting the key…"));
    m_keys->changePassphrase(m_market, m_oldPass->text(), newPassphrase, this,
                             [this](Result<void> changed) {
        setKeyBusy(false);
        if (!changed) {
            m_keyState->setText(
                changed.error().code == "ssh_key_passphrase"_L1
                    ? tr("The current passphrase is wrong (or none is saved): type it in "
                         "\"Current passphrase\". Nothing was changed.")
                    : changed.error().message);
            m_oldPass->setFocus();
            return;
        }
        for (QLineEdit *edit : {m_oldPass, m_newPass, m_repeatPass})
            edit->clear();
        refreshKeyState();
    });
}

void SettingsDialog::setKeyBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_oldPass, m_newPass, m_repeatPass,
                                                       m_setPass, m_removePass})
        w->setEnabled(!busy);
}

} // namespace suanli::ui
