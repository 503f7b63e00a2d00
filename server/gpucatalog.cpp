#include "gpucatalog.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {

// Dense (no sparsity) FP16/BF16 tensor TFLOPS per GPU. Sources:
// - NVIDIA H100 datasheet (2023): SXM 989.4, PCIe 756.
// - NVIDIA A100 datasheet (2021): 312 (both 40 GB and 80 GB); A800 is the same silicon.
// - NVIDIA L40S datasheet (2023): 362.05. L4 datasheet: 121. A10 datasheet: 125. T4: 65.
// - NVIDIA V100 datasheet: 125 (SXM2); 112 (PCIe).
// - NVIDIA Ada GPU architecture whitepaper v2.1, appendix: RTX 4090 165.2, RTX 4080 97.5
//   (FP16 tensor with FP32 accumulate, dense).
// - NVIDIA Ampere GA102 whitepaper: RTX 3090 71, RTX 3080 59.5, RTX A6000 154.8.
// Keys are normalised: upper case, no spaces, no "NVIDIA"/"GEFORCE" prefix.
const QHash<QString, double> &table()
{
    static const QHash<QString, double> t = {
        {u"H100SXM"_s, 989.4}, {u"H100"_s, 989.4},    {u"H100PCIE"_s, 756.0},
        {u"H800"_s, 989.4},    {u"A100"_s, 312.0},    {u"A10080GB"_s, 312.0},
        {u"A10040GB"_s, 312.0}, {u"A800"_s, 312.0},   {u"A80080GB"_s, 312.0},
        {u"L40S"_s, 362.05},   {u"L4"_s, 121.0},      {u"A10"_s, 125.0},
        {u"T4"_s, 65.0},       {u"V100"_s, 125.0},    {u"V100PCIE"_s, 112.0},
        {u"RTX4090"_s, 165.2}, {u"RTX4080"_s, 97.5},  {u"RTX3090"_s, 71.0},
        {u"RTX3080"_s, 59.5},  {u"RTXA6000"_s, 154.8},
    };
    return t;
}

QString normalise(QString model)
{
    model = model.toUpper();
    model.remove(u"NVIDIA"_s);
    model.remove(u"GEFORCE"_s);
    model.remove(u' ');
    model.remove(u'-');
    return model;
}

} // namespace

std::optional<double> perfTflopsPerGpu(const QString &gpuModel)
{
    const auto it = table().constFind(normalise(gpuModel));
    if (it == table().constEnd())
        return std::nullopt;
    return it.value();
}

} // namespace suanli::server
