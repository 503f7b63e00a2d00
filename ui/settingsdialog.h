#pragma once

#include "app/secretstore.h"
#include "app/settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace suanli::app {
class SshKeys;
}

namespace suanli::ui {

/// Market (local or an address and token), language and data folder. Saved on OK; they take
/// effect at the next start, which the dialog says.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(app::Settings *settings, app::SecretStore *secrets, QWidget *parent = nullptr);

    QComboBox *languageBox() { return m_language; }
    /// "Start Suanli when I log in" (applied on OK); null in builds without contributor mode.
    QCheckBox *autostartBox() { return m_autostart; }
    QLabel *autostartError() { return m_autostartError; }

    /// Adds the "SSH key" section: set, change or remove the passphrase of `market`'s key.
    /// Those apply at once (the key file is re-encrypted in place, the passphrase kept in the
    /// keychain), not on OK.
    void setSshKeys(app::SshKeys *keys, const QUrl &market);
    QLineEdit *currentPassphraseEdit() { return m_oldPass; }
    QLineEdit *newPassphraseEdit() { return m_newPass; }
    QLineEdit *repeatPassphraseEdit() { return m_repeatPass; }
    QPushButton *setPassphraseButton() { return m_setPass; }
    QPushButton *removePassphraseButton() { return m_removePass; }
    QLabel *keyStateLabel() { return m_keyState; }

private:
    /// Saves the settings; false (the dialog stays open) when the login entry cannot be
    /// written or removed.
    bool save();
    void refreshKeyState();
    void changePassphrase(const QString &newPassphrase);
    void setKeyBusy(bool busy);

    app::Settings *m_settings;
    app::SecretStore *m_secrets;
    QRadioButton *m_local;
    QRadioButton *m_remote;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QComboBox *m_language;
    QLineEdit *m_dataFolder;
    QCheckBox *m_secretFile;
    QLabel *m_secretState;
    QCheckBox *m_autostart = nullptr; ///< an AutostartBox (ui/contributor) when built
    QLabel *m_autostartError = nullptr;
    app::SshKeys *m_keys = nullptr;
    QUrl m_market;
    bool m_keyProtected = false;
    QLabel *m_keyState = nullptr;
    QLineEdit *m_oldPass = nullptr;
    QLineEdit *m_newPass = nullptr;
    QLineEdit *m_repeatPass = nullptr;
    QPushButton *m_setPass = nullptr;
    QPushButton *m_removePass = nullptr;
};

} // namespace suanli::ui
