#include "lendform.h"

#include <QDoubleSpinBox>
#include <QLabel>

namespace suanli::ui::lendform {

QDoubleSpinBox *doubleBox(double max, int decimals, const QString &suffix, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    return box;
}

Micro microIn(const QDoubleSpinBox *box)
{
    return qRound64(box->value() * double(kMicroPerUnit));
}

void setMicro(QDoubleSpinBox *box, Micro amount)
{
    box->setValue(double(amount) / double(kMicroPerUnit));
}

std::optional<QList<host::ScheduleWindow>> parseSchedule(const QString &text, QLabel *error)
{
    QList<host::ScheduleWindow> windows;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        auto w = host::parseScheduleWindow(part.trimmed());
        if (!w) {
            error->setText(w.error().message);
            error->show();
            return std::nullopt;
        }
        windows.append(*w);
    }
    error->hide();
    return windows;
}

} // namespace suanli::ui::lendform
