#include "firstrundialog.h"

#include <QCheckBox>
#include <QCommandLinkButton>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QSysInfo>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

namespace {

QLineEdit *passwordEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

QPushButton *rightAligned(QFormLayout *form, QPushButton *button)
{
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(button);
    form->addRow(row);
    return button;
}

} // namespace

QString FirstRunDialog::machineLabel()
{
    const QString host = QSysInfo::machineHostName().trimmed();
    return host.isEmpty() ? tr("Suanli desktop") : host.left(100);
}

FirstRunDialog::FirstRunDialog(QNetworkAccessManager *network, QWidget *parent)
    : QDialog(parent)
    , m_client(network)
    , m_pages(new QStackedWidget(this))
    , m_local(new QCommandLinkButton(tr("Try on this computer"),
                                     tr("Runs a market and lends this machine, all in this app, "
                                        "with a starting voucher. Nothing else to set up."),
                                     this))
    , m_remote(new QCommandLinkButton(tr("Connect to a market"),
                                      tr("Use a market your school, lab or provider runs: sign "
                                         "in or create an account there."),
                                      this))
    , m_url(new QLineEdit(this))
    , m_marketInfo(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_signInName(new QLineEdit(this))
    , m_signInPassword(passwordEdit(this, u"signInPassword"_s))
    , m_signIn(new QPushButton(tr("Sign in"), this))
    , m_signUpForm(nullptr)
    , m_signUpName(new QLineEdit(this))
    , m_signUpPassword(passwordEdit(this, u"signUpPassword"_s))
    , m_signUpRepeat(passwordEdit(this, u"signUpRepeat"_s))
    , m_renter(new QCheckBox(tr("Rent GPUs"), this))
    , m_lender(new QCheckBox(tr("Lend my computers"), this))
    , m_invite(new QLineEdit(this))
    , m_signUpClosed(new QLabel(this))
    , m_signUp(new QPushButton(tr("Create an account"), this))
    , m_token(new QLineEdit(this))
    , m_connect(new QPushButton(tr("Connect"), this))
    , m_status(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_infoTimer(new QTimer(this))
{
    setObjectName(u"firstRunDialog"_s);
    setWindowTitle(tr("Welcome to Suanli"));
    setMinimumWidth(560);
    // Sign-in and sign-up are not repeated (the market counts attempts); Cancel is the user's.
    m_client.setRetries(0);
    m_client.setTimeout(15000);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    auto *choose = new QWidget(this);
    auto *chooseLayout = new QVBoxLayout(choose);
    auto *title = new QLabel(tr("Rent GPUs by the second. How do you want to start?"), choose);
    title->setWordWrap(true);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title->setFont(big);
    chooseLayout->addWidget(title);
    m_local->setObjectName(u"tryLocal"_s);
    m_remote->setObjectName(u"connectRemote"_s);
    chooseLayout->addWidget(m_local);
    chooseLayout->addWidget(m_remote);
    chooseLayout->addStretch(1);
    m_pages->addWidget(choose);

    auto *remote = new QWidget(this);
    auto *remoteLayout = new QVBoxLayout(remote);
    auto *top = new QFormLayout;
    m_url->setObjectName(u"marketUrl"_s);
    m_url->setPlaceholderText(u"https://market.example.edu"_s);
    top->addRow(tr("Market address"), m_url);
    m_marketInfo->setObjectName(u"marketInfo"_s);
    m_marketInfo->setWordWrap(true);
    m_marketInfo->setStyleSheet(u"color: #667085"_s);
    top->addRow(QString(), m_marketInfo);
    remoteLayout->addLayout(top);

    // Sign in: a new key of the account, named after this computer.
    auto *signInPage = new QWidget(m_tabs);
    auto *signInForm = new QFormLayout(signInPage);
    m_signInName->setObjectName(u"signInName"_s);
    signInForm->addRow(tr("Name"), m_signInName);
    signInForm->addRow(tr("Password"), m_signInPassword);
    auto *signInHint =
        new QLabel(tr("This computer gets a key of its own, named \"%1\"; Account shows it "
                      "and Sign out revokes it.")
                       .arg(machineLabel().toHtmlEscaped()),
                   signInPage);
    signInHint->setWordWrap(true);
    signInForm->addRow(signInHint);
    m_signIn->setObjectName(u"signInButton"_s);
    rightAligned(signInForm, m_signIn);
    m_tabs->addTab(signInPage, tr("Sign in"));

    auto *signUpPage = new QWidget(m_tabs);
    m_signUpForm = new QFormLayout(signUpPage);
    m_signUpName->setObjectName(u"signUpName"_s);
    m_signUpForm->addRow(tr("Name"), m_signUpName);
    m_signUpPassword->setPlaceholderText(tr("at least 8 characters"));
    m_signUpForm->addRow(tr("Password"), m_signUpPassword);
    m_signUpForm->addRow(tr("Repeat"), m_signUpRepeat);
    auto *roles = new QHBoxLayout;
    m_renter->setObjectName(u"roleRenter"_s);
    m_lender->setObjectName(u"roleLender"_s);
    m_renter->setChecked(true);
    roles->addWidget(m_renter);
    roles->addWidget(m_lender);
    roles->addStretch(1);
    m_signUpForm->addRow(tr("I want to"), roles);
    m_invite->setObjectName(u"inviteCode"_s);
    m_signUpForm->addRow(tr("Invite code"), m_invite);
    m_signUpForm->setRowVisible(m_invite, false);
    m_signUpClosed->setObjectName(u"signUpClosed"_s);
    m_signUpClosed->setWordWrap(true);
    m_signUpForm->addRow(m_signUpClosed);
    m_signUpForm->setRowVisible(m_signUpClosed, false);
    m_signUp->setObjectName(u"signUpButton"_s);
    rightAligned(m_signUpForm, m_signUp);
    m_tabs->addTab(signUpPage, tr("Create an account"));

    // The advanced way: a token the operator handed out.
    auto *tokenPage = new QWidget(m_tabs);
    auto *tokenForm = new QFormLayout(tokenPage);
    m_token->setObjectName(u"marketToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(u"sk_…"_s);
    tokenForm->addRow(tr("Token"), m_token);
    auto *tokenHint = new QLabel(tr("For a token from the market's operator, or one made "
                                    "under Account on another computer."),
                                 tokenPage);
    tokenHint->setWordWrap(true);
    tokenForm->addRow(tokenHint);
    m_connect->setObjectName(u"connectButton"_s);
    rightAligned(tokenForm, m_connect);
    m_tabs->addTab(tokenPage, tr("Use a token"));
    m_tabs->setObjectName(u"connectTabs"_s);
    remoteLayout->addWidget(m_tabs);

    m_status->setWordWrap(true);
    m_status->setObjectName(u"connectStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    remoteLayout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    auto *back = new QPushButton(tr("Back"), remote);
    buttons->addWidget(back);
    buttons->addStretch(1);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->hide();
    buttons->addWidget(m_cancel);
    remoteLayout->addLayout(buttons);
    m_pages->addWidget(remote);

    m_infoTimer->setSingleShot(true);
    m_infoTimer->setInterval(600);
    connect(m_infoTimer, &QTimer::timeout, this, &FirstRunDialog::readMarketInfo);
    connect(m_url, &QLineEdit::textEdited, m_infoTimer, qOverload<>(&QTimer::start));
    connect(m_url, &QLineEdit::editingFinished, this, &FirstRunDialog::readMarketInfo);

    connect(m_local, &QPushButton::clicked, this, [this] {
        emit localChosen();
        accept();
    });
    connect(m_remote, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(1);
        readMarketInfo();
        m_signIn->setDefault(true);
    });
    connect(back, &QPushButton::clicked, this, [this] {
        endBusy();
        m_pages->setCurrentIndex(0);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        QPushButton *action = tab == SignInTab ? m_signIn : tab == SignUpTab ? m_signUp : m_connect;
        action->setDefault(true);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        endBusy();
        m_status->setText(tr("Cancelled."));
    });
    connect(m_connect, &QPushButton::clicked, this, &FirstRunDialog::check);
    connect(m_signIn, &QPushButton::clicked, this, &FirstRunDialog::signIn);
    connect(m_signUp, &QPushButton::clicked, this, &FirstRunDialog::signUp);
}

QUrl FirstRunDialog::checkedUrl()
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (m_url->text().trimmed().isEmpty() || !url.isValid() ||
        (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)) {
        m_status->setText(tr("Enter the market's address, e.g. https://market.example.edu."));
        return {};
    }
    return url;
}

void FirstRunDialog::readMarketInfo()
{
    m_infoTimer->stop();
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    delete m_infoContext; // an answer for an address no longer typed is dropped
    m_infoContext = nullptr;
    if (m_url->text().trimmed().isEmpty() || !url.isValid()) {
        m_marketInfo->clear();
        applySignupMode({});
        return;
    }
    m_infoContext = new QObject(this);
    m_marketInfo->setText(tr("Asking the market how it signs people up…"));
    client::MarketClient *infoClient = new client::MarketClient(m_client.network(), m_infoContext);
    infoClient->setRetries(0);
    infoClient->setTimeout(10000);
    infoClient->setMarket(url, {});
    infoClient->marketInfo(m_infoContext, [this](Result<protocol::MarketInfo> info) {
        if (!info) {
            m_marketInfo->setText(tr("The market did not say how it signs people up (%1).")
                                      .arg(info.error().message));
            applySignupMode({});
            return;
        }
        m_marketInfo->setText(info->signup == "open"_L1 ? tr("Anyone may create an account here.")
                              : info->signup == "invite"_L1
                                  ? tr("Creating an account here needs an invite code.")
                                  : tr("This market makes accounts only through its operator."));
        applySignupMode(info->signup);
    });
}

void FirstRunDialog::applySignupMode(const QString &mode)
{
    m_signup = mode;
    m_signUpForm->setRowVisible(m_invite, mode == "invite"_L1);
    const bool closed = mode == "closed"_L1;
    m_signUpForm->setRowVisible(m_signUpClosed, closed);
    m_signUpClosed->setText(closed ? tr("This market does not make accounts here: ask its "
                                        "operator for one, then sign in.")
                                   : QString());
    m_signUp->setEnabled(!closed && !m_busy);
}

QObject *FirstRunDialog::startBusy(const QString &what)
{
    endBusy();
    m_busy = new QObject(this);
    m_status->setText(what);
    for (QWidget *w : std::initializer_list<QWidget *>{m_url, m_signIn, m_signUp, m_connect})
        w->setEnabled(false);
    m_cancel->show();
    return m_busy;
}

void FirstRunDialog::endBusy()
{
    if (m_busy) {
        // Deleted later: this may run inside the callback whose context it is.
        m_busy->deleteLater();
        m_busy = nullptr;
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_url, m_signIn, m_connect})
        w->setEnabled(true);
    m_signUp->setEnabled(m_signup != "closed"_L1);
    m_cancel->hide();
}

void FirstRunDialog::fail(const Error &error)
{
    endBusy();
    const QString &code = error.code;
    QString text;
    if (code == "invalid_credentials"_L1)
        text = tr("Wrong name or password.");
    else if (code == "too_many_attempts"_L1)
        text = tr("Too many attempts. Wait a few minutes, then try again.");
    else if (code == "account_exists"_L1)
        text = tr("That name is taken. Pick another one, or sign in if it is yours.");
    else if (code == "weak_password"_L1)
        text = tr("The password is too weak: use at least 8 characters.");
    else if (code == "invalid_name"_L1)
        text = tr("A name has 2 to 64 letters, digits, '.', '_' or '-', and starts with a "
                  "letter or digit.");
    else if (code == "invite_required"_L1) {
        text = tr("This market needs an invite code from its operator.");
        applySignupMode(u"invite"_s);
        m_invite->setFocus();
    } else if (code == "invalid_invite"_L1)
        text = tr("That invite code is not valid, or it was used already.");
    else if (code == "signup_closed"_L1) {
        text = tr("This market does not make accounts here: ask its operator for one.");
        applySignupMode(u"closed"_s);
    } else if (code == "unauthorized"_L1)
        text = tr("The market does not accept this token.");
    else
        text = tr("Cannot connect: %1").arg(error.message);
    m_status->setText(text);
}

void FirstRunDialog::check()
{
    const QUrl url = checkedUrl();
    if (!url.isValid())
        return;
    const QByteArray token = m_token->text().trimmed().toLatin1();
    if (!token.startsWith("sk_")) {
        m_status->setText(tr("A renter's token starts with sk_. Ask the market's operator for one."));
        return;
    }
    startBusy(tr("Checking the token with %1…").arg(url.toString()));
    finish(url, token, 0);
}

void FirstRunDialog::signIn()
{
    const QUrl url = checkedUrl();
    if (!url.isValid())
        return;
    const QString name = m_signInName->text().trimmed();
    if (name.isEmpty() || m_signInPassword->text().isEmpty()) {
        m_status->setText(tr("Type your name and password."));
        return;
    }
    QObject *busy = startBusy(tr("Signing in to %1…").arg(url.host()));
    m_client.setMarket(url, {});
    m_client.signIn({name, m_signInPassword->text(), machineLabel()}, busy,
                    [this, url](Result<protocol::IssuedToken> issued) {
                        if (!issued)
                            return fail(issued.error());
                        finish(url, issued->token.toLatin1(), issued->id);
                    });
}

void FirstRunDialog::signUp()
{
    const QUrl url = checkedUrl();
    if (!url.isValid())
        return;
    const QString name = m_signUpName->text().trimmed();
    const QString password = m_signUpPassword->text();
    if (name.isEmpty()) {
        m_status->setText(tr("Choose a name for your account."));
        return;
    }
    if (password.size() < 8) {
        m_status->setText(tr("The password is too weak: use at least 8 characters."));
        return;
    }
    if (password != m_signUpRepeat->text()) {
        m_status->setText(tr("The two passwords differ."));
        return;
    }
    QStringList roles;
    if (m_renter->isChecked())
        roles.append(u"renter"_s);
    if (m_lender->isChecked())
        roles.append(u"lender"_s);
    if (roles.isEmpty()) {
        m_status->setText(tr("Tick what you want to do: rent GPUs, lend computers, or both."));
        return;
    }
    QObject *busy = startBusy(tr("Creating your account on %1…").arg(url.host()));
    m_client.setMarket(url, {});
    const QString invite = m_signup == "invite"_L1 ? m_invite->text().trimmed() : QString();
    m_client.signUp(
        {name, password, roles, invite}, busy,
        [this, url, name, password, busy](Result<protocol::IssuedToken> first) {
            if (!first)
                return fail(first.error());
            // The sign-up key is labelled "sign-up"; this computer's key carries its name, like
            // a sign-in's, and the first one goes so that Account lists one key per computer.
            m_status->setText(tr("Account created. Signing in…"));
            m_client.signIn(
                {name, password, machineLabel()}, busy,
                [this, url, first = *first, busy](Result<protocol::IssuedToken> issued) {
                    // The sign-up key works as well; its id (sign-up answers the account's) is
                    // found by its prefix when it is needed.
                    if (!issued)
                        return finish(url, first.token.toLatin1(), 0);
                    m_client.setMarket(url, issued->token.toLatin1());
                    // Sign-up's `id` is the account's: the sign-up key is found by its first
                    // 12 characters, as GET /api/v1/tokens lists it.
                    const QString prefix = first.token.left(12);
                    m_client.tokens(busy, [this, url, issued = *issued, prefix,
                                           busy](Result<QList<protocol::ApiToken>> keys) {
                        qint64 signUpKey = 0;
                        for (const protocol::ApiToken &key : keys ? *keys : QList<protocol::ApiToken>{})
                            signUpKey = key.prefix == prefix ? key.id : signUpKey;
                        if (!signUpKey)
                            return finish(url, issued.token.toLatin1(), issued.id);
                        m_client.revokeToken(signUpKey, busy, [this, url, issued](Result<void>) {
                            finish(url, issued.token.toLatin1(), issued.id);
                        });
                    });
                });
        });
}

void FirstRunDialog::finish(const QUrl &url, const QByteArray &token, qint64 tokenId)
{
    QObject *busy = m_busy ? m_busy : startBusy(QString());
    m_client.setMarket(url, token);
    m_client.me(busy, [this, url, token, tokenId](Result<protocol::Account> me) {
        if (!me)
            return fail(me.error());
        endBusy();
        m_status->setText(tr("Signed in as %1.").arg(me->name));
        emit marketChosen(url, token, *me, tokenId);
        accept();
    });
}

} // namespace suanli::ui
