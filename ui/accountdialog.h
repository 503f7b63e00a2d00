#pragma once

#include "app/apitokenmodel.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace suanli::app {
class AppContext;
}

namespace suanli::ui {

/// Suanli → Account: the account's API keys (label, prefix, created, last used, expires; this
/// computer's own key marked), New key… (shown once), Revoke, Change password… and Sign out.
/// Everything goes to the market at once; nothing waits on OK.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AccountDialog(app::AppContext *context, QWidget *parent = nullptr);

    app::ApiTokenModel *model() { return &m_model; }
    QTableView *table() { return m_table; }
    QPushButton *newKeyButton() { return m_newKey; }
    QPushButton *revokeButton() { return m_revoke; }
    QPushButton *passwordButton() { return m_password; }
    QPushButton *signOutButton() { return m_signOut; }
    QLabel *statusLabel() { return m_status; }
    /// Reads the keys again (after a change here, or when asked); `notice` then stays in the
    /// status line instead of the count.
    void reload(const QString &notice = {});

signals:
    void signedOut();
    /// The key list was read (tests, screenshots).
    void keysLoaded();

private:
    void newKey();
    void confirmRevoke();
    void changePassword();
    void signOut();
    void updateButtons();

    app::AppContext *m_context;
    app::ApiTokenModel m_model;
    QTableView *m_table;
    QPushButton *m_newKey;
    QPushButton *m_revoke;
    QPushButton *m_password;
    QPushButton *m_signOut;
    QLabel *m_status;
};

} // namespace suanli::ui
