#include "saveimagedialog.h"

#include "app/moneyformat.h"
#include "client/marketclient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

QString formatImageSize(qint64 bytes)
{
    if (bytes < 1'000'000)
        return SaveImageDialog::tr("%1 kB").arg(QString::number(double(bytes) / 1e3, 'f', 0));
    if (bytes < 1'000'000'000)
        return SaveImageDialog::tr("%1 MB").arg(QString::number(double(bytes) / 1e6, 'f', 1));
    return SaveImageDialog::tr("%1 GB").arg(QString::number(double(bytes) / 1e9, 'f', 2));
}

SaveImageDialog::SaveImageDialog(client::MarketClient *client, const protocol::Instance &instance,
                                 const QString &currency, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_instance(instance)
    , m_currency(currency)
    , m_name(new QLineEdit(this))
    , m_state(new QLabel(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_poll(new QTimer(this))
{
    setWindowTitle(tr("Save %1 as an image").arg(instance.label));
    m_name->setObjectName(u"imageName"_s);
    m_state->setObjectName(u"imageState"_s);
    m_save->setObjectName(u"saveImageButton"_s);
    m_name->setText(instance.label + u"-image"_s);
    m_name->setMaxLength(64);
    auto *layout = new QVBoxLayout(this);
    auto *explain = new QLabel(
        tr("The instance's system disk (what you installed, /root, /etc, …) becomes an image only "
           "you can launch. /workspace is not part of it. Storing it costs %1 per GB and month, "
           "billed per second until you delete it.")
            .arg(app::formatPrice(instance.price_storage_gb_month_micro, currency, locale())),
        this);
    explain->setWordWrap(true);
    layout->addWidget(explain);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    layout->addLayout(form);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &SaveImageDialog::save);
    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_save->setEnabled(!text.trimmed().isEmpty()); });
    m_poll->setInterval(2000);
    connect(m_poll, &QTimer::timeout, this, &SaveImageDialog::poll);
}

void SaveImageDialog::save()
{
    m_save->setEnabled(false);
    m_name->setEnabled(false);
    m_state->setText(tr("Asking the market…"));
    m_client->saveImage(m_instance.id, m_name->text().trimmed(), this,
                        [this](Result<protocol::OwnImage> image) {
                            if (!image) {
                                m_state->setText(tr("Cannot save: %1").arg(image.error().message));
                                m_save->setEnabled(true);
                                m_name->setEnabled(true);
                                return;
                            }
                            showImage(*image);
                            m_poll->start();
                        });
}

void SaveImageDialog::poll()
{
    m_client->ownImages(this, [this](Result<QList<protocol::OwnImage>> images) {
        if (!images)
            return; // the next tick tries again; the save goes on at the host
        for (const auto &image : *images) {
            if (image.id == m_image.id) {
                showImage(image);
                return;
            }
        }
    });
}

void SaveImageDialog::showImage(const protocol::OwnImage &image)
{
    m_image = image;
    if (image.state == "ready"_L1) {
        m_poll->stop();
        m_state->setText((image.host_id
                              ? tr("Ready: %1. It lives on host %2 only: launch it on that host's "
                                   "offer.")
                                    .arg(formatImageSize(image.size_bytes), image.host_name)
                              : tr("Ready: %1, in the market's registry: any host can launch it.")
                                    .arg(formatImageSize(image.size_bytes))));
        emit finished(image);
    } else if (image.state == "failed"_L1) {
        m_poll->stop();
        m_state->setText(tr("The save failed: %1").arg(image.reason));
        emit finished(image);
    } else {
        m_state->setText(tr("Saving… the host is committing the instance's system disk."));
    }
}

} // namespace suanli::ui
