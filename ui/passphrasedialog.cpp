#include "passphrasedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

PassphraseDialog::PassphraseDialog(const QString &why, QWidget *parent)
    : QDialog(parent)
    , m_passphrase(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"passphraseDialog"_s);
    setWindowTitle(tr("SSH key passphrase"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(why, this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *note = new QLabel(tr("Suanli keeps it in the system keychain and uses it for its own "
                               "tunnels. Your key file is not changed."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_passphrase->setObjectName(u"passphrase"_s);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Passphrase"));
    layout->addWidget(m_passphrase);
    m_error->setObjectName(u"passphraseError"_s);
    m_error->setStyleSheet(u"color: #b42318;"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Unlock"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_passphrase->text().isEmpty())
            return setError(tr("Enter the passphrase of your SSH key."));
        setBusy(true);
        emit submitted(m_passphrase->text());
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PassphraseDialog::setError(const QString &text)
{
    setBusy(false);
    m_error->setText(text);
    m_error->show();
    m_passphrase->selectAll();
    m_passphrase->setFocus();
}

void PassphraseDialog::setBusy(bool busy)
{
    m_passphrase->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

} // namespace suanli::ui
