#pragma once

#include "protocol/types.h"

#include <QLocale>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace suanli::ui {

/// The selected offer's specs and a cost estimate for a chosen duration: GPU time while
/// running plus storage while kept stopped, under the market's per-second rules.
class OfferDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit OfferDetailPane(QWidget *parent = nullptr);

    void setOffer(const std::optional<protocol::Offer> &offer);
    void setCurrency(const QString &currency);
    std::optional<protocol::Offer> offer() const { return m_offer; }
    /// The pre-rental upload line for an offer (the Datasets view's folders at its
    /// inet_up_mbps); empty text hides it. Unset: no line.
    void setUploadEstimate(std::function<QString(const protocol::Offer &)> estimate);
    /// Asks the estimate again (the folders were counted anew).
    void updateUploadEstimate();

signals:
    void rentRequested(const suanli::protocol::Offer &offer, int gpus, qint64 diskGb);

private:
    void updateSpecs();
    void updateEstimate();

    std::optional<protocol::Offer> m_offer;
    QString m_currency = QStringLiteral("CNY");
    QLocale m_locale;
    QLabel *m_title;
    QLabel *m_empty;
    QWidget *m_body;
    QLabel *m_specs;
    QLabel *m_upload;
    std::function<QString(const protocol::Offer &)> m_uploadEstimate;
    QSpinBox *m_gpus;
    QSpinBox *m_disk;
    QSpinBox *m_hours;
    QSpinBox *m_stoppedDays;
    QLabel *m_estimate;
    QPushButton *m_rent;
};

} // namespace suanli::ui
