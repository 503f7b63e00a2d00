#include "firstrundialog.h"

#include "app/moneyformat.h"

#include <QCommandLinkButton>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

FirstRunDialog::FirstRunDialog(QNetworkAccessManager *network, QWidget *parent)
    : QDialog(parent)
    , m_client(network)
    , m_pages(new QStackedWidget(this))
    , m_local(new QCommandLinkButton(tr("Try on this computer"),
                                     tr("Runs a market and lends this machine, all in this app, "
                                        "with a starting voucher. Nothing else to set up."),
                                     this))
    , m_remote(new QCommandLinkButton(tr("Connect to a market"),
                                      tr("Use a market your school, lab or provider runs: you "
                                         "need its address and your token."),
                                      this))
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_connect(new QPushButton(tr("Connect"), this))
    , m_status(new QLabel(this))
{
    setObjectName(u"firstRunDialog"_s);
    setWindowTitle(tr("Welcome to Suanli"));
    setMinimumWidth(520);
    m_client.setRetries(0);
    m_client.setTimeout(10000);
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
    auto *form = new QFormLayout(remote);
    m_url->setObjectName(u"marketUrl"_s);
    m_url->setPlaceholderText(u"https://market.example.edu"_s);
    form->addRow(tr("Market address"), m_url);
    m_token->setObjectName(u"marketToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(u"sk_…"_s);
    form->addRow(tr("Token"), m_token);
    m_status->setWordWrap(true);
    m_status->setObjectName(u"connectStatus"_s);
    form->addRow(m_status);
    auto *buttons = new QHBoxLayout;
    auto *back = new QPushButton(tr("Back"), remote);
    buttons->addWidget(back);
    buttons->addStretch(1);
    m_connect->setObjectName(u"connectButton"_s);
    m_connect->setDefault(true);
    buttons->addWidget(m_connect);
    form->addRow(buttons);
    m_pages->addWidget(remote);

    connect(m_local, &QPushButton::clicked, this, [this] {
        emit localChosen();
        accept();
    });
    connect(m_remote, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(1); });
    connect(back, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(0); });
    connect(m_connect, &QPushButton::clicked, this, &FirstRunDialog::check);
}

void FirstRunDialog::check()
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    const QByteArray token = m_token->text().trimmed().toLatin1();
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)) {
        m_status->setText(tr("Enter the market's address, e.g. https://market.example.edu."));
        return;
    }
    if (!token.startsWith("sk_")) {
        m_status->setText(tr("A renter's token starts with sk_. Ask the market's operator for one."));
        return;
    }
    m_connect->setEnabled(false);
    m_status->setText(tr("Checking the token with %1…").arg(url.toString()));
    m_client.setMarket(url, token);
    m_client.me(this, [this, url, token](Result<protocol::Account> me) {
        m_connect->setEnabled(true);
        if (!me) {
            m_status->setText(me.error().code == "unauthorized"_L1
                                  ? tr("The market does not accept this token.")
                                  : tr("Cannot connect: %1").arg(me.error().message));
            return;
        }
        m_status->setText(tr("Signed in as %1.").arg(me->name));
        emit marketChosen(url, token, *me);
        accept();
    });
}

} // namespace suanli::ui
