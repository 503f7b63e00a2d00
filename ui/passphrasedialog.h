#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace suanli::ui {

/// Asks for the passphrase of the app's SSH key when a tunnel needs it and the keychain does
/// not have it (or has a wrong one). OK does not close the dialog: it emits submitted(), and
/// the owner checks the passphrase and then calls accept() or setError() — a wrong passphrase
/// is said in the dialog, which stays open for another try.
class PassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PassphraseDialog(const QString &why, QWidget *parent = nullptr);

    QLineEdit *passphraseEdit() { return m_passphrase; }
    QLabel *errorLabel() { return m_error; }
    /// Shows why the last try failed and lets the user type again.
    void setError(const QString &text);

signals:
    void submitted(const QString &passphrase);

private:
    void setBusy(bool busy);

    QLineEdit *m_passphrase;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace suanli::ui
