#pragma once

#include "app/secretstore.h"
#include "app/settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace suanli::ui {

/// Market (local or an address and token), language and data folder. Saved on OK; they take
/// effect at the next start, which the dialog says.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(app::Settings *settings, app::SecretStore *secrets, QWidget *parent = nullptr);

    /// Secret key of a market's token in the SecretStore.
    static QString tokenKey(const QUrl &market);

    QComboBox *languageBox() { return m_language; }

private:
    void save();

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
};

} // namespace suanli::ui
