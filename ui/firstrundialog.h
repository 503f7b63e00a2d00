#pragma once

#include "client/marketclient.h"

#include <QDialog>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace suanli::ui {

/// First run: "Try on this computer" (local mode) or "Connect to a market": its address, then
/// "Sign in" (name and password: a new key labelled with this computer's name), "Create an
/// account" (as GET /api/v1/market allows: open, with an invite code, or closed) or, as the
/// advanced way, a pasted token checked with GET /api/v1/me.
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    enum Tab
    {
        SignInTab,
        SignUpTab,
        TokenTab
    };

    FirstRunDialog(QNetworkAccessManager *network, QWidget *parent = nullptr);

    /// The label of the key a sign-in makes: this computer's name.
    static QString machineLabel();

    QPushButton *localButton() { return m_local; }
    QPushButton *remoteButton() { return m_remote; }
    QLineEdit *urlEdit() { return m_url; }
    QTabWidget *tabs() { return m_tabs; }
    QLineEdit *tokenEdit() { return m_token; }
    QPushButton *connectButton() { return m_connect; }
    QLineEdit *signInNameEdit() { return m_signInName; }
    QLineEdit *signInPasswordEdit() { return m_signInPassword; }
    QPushButton *signInButton() { return m_signIn; }
    QLineEdit *signUpNameEdit() { return m_signUpName; }
    QLineEdit *signUpPasswordEdit() { return m_signUpPassword; }
    QLineEdit *signUpRepeatEdit() { return m_signUpRepeat; }
    QLineEdit *inviteEdit() { return m_invite; }
    QCheckBox *renterBox() { return m_renter; }
    QCheckBox *lenderBox() { return m_lender; }
    QPushButton *signUpButton() { return m_signUp; }
    QPushButton *cancelButton() { return m_cancel; }
    QLabel *statusLabel() { return m_status; }
    /// The market's sign-up mode as last read ("" before GET /api/v1/market answered).
    QString signupMode() const { return m_signup; }

signals:
    void localChosen();
    /// `tokenId`: the key's id when known (sign-in, sign-up), 0 for a pasted token.
    void marketChosen(const QUrl &url, const QByteArray &token,
                      const suanli::protocol::Account &account, qint64 tokenId);

private:
    /// The address typed, or an invalid URL after saying what is wrong.
    QUrl checkedUrl();
    void readMarketInfo();
    void applySignupMode(const QString &mode);
    void check();
    void signIn();
    void signUp();
    /// Reads the account with the new token, then accepts.
    void finish(const QUrl &url, const QByteArray &token, qint64 tokenId);
    /// The context of the call in flight: Cancel deletes it, so its answer is dropped.
    QObject *startBusy(const QString &what);
    void endBusy();
    void fail(const Error &error);

    client::MarketClient m_client;
    QStackedWidget *m_pages;
    QPushButton *m_local;
    QPushButton *m_remote;
    QLineEdit *m_url;
    QLabel *m_marketInfo;
    QTabWidget *m_tabs;
    QLineEdit *m_signInName;
    QLineEdit *m_signInPassword;
    QPushButton *m_signIn;
    QFormLayout *m_signUpForm;
    QLineEdit *m_signUpName;
    QLineEdit *m_signUpPassword;
    QLineEdit *m_signUpRepeat;
    QCheckBox *m_renter;
    QCheckBox *m_lender;
    QLineEdit *m_invite;
    QLabel *m_signUpClosed;
    QPushButton *m_signUp;
    QLineEdit *m_token;
    QPushButton *m_connect;
    QLabel *m_status;
    QPushButton *m_cancel;
    QTimer *m_infoTimer;
    QObject *m_busy = nullptr;
    QObject *m_infoContext = nullptr;
    QString m_signup;
};

} // namespace suanli::ui
