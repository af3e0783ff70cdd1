#pragma once
// Synthetic register text shared by the search benchmark's generator and its queries:
// a Zipf draw over the vocabulary (bench/pg/words.txt, commonest first) and 20,000
// synthetic place names, the rare words.
#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace assent::bench {

inline constexpr int kPlaces = 20000;

// A synthetic place name from three syllables: "Brandelmoor", "Kettwick" ...
inline std::string Place(int n) {
  static const char* const a[] = {"Bran", "Kett", "Ash",  "Mar",  "Hol",  "Win",  "Thorn",
                                  "Elm",  "Cal",  "Dun",  "Fen",  "Gar",  "Hart", "Lyn",
                                  "Nor",  "Pen",  "Quen", "Ros",  "Sal",  "Tad",  "Ux",
                                  "Ven",  "Wel",  "Yar",  "Zel",  "Orm",  "Brig", "Cres"};
  static const char* const b[] = {"del", "ter", "ow",  "ing", "an",  "ber", "ford",
                                  "ley", "ton", "ham", "by",  "ock", "ri",  "sel",
                                  "wen", "ast", "ul",  "ev",  "im",  "ar",  "on",
                                  "is",  "ath", "em",  "ond", "ic",  "ur",  "ol"};
  static const char* const c[] = {"moor",  "wick", "field", "stead", "bury",  "dale",  "mere",
                                  "holm",  "thwaite", "combe", "worth", "cliffe", "haven",
                                  "garth", "ness", "side",  "well",  "gate",  "shaw",  "lode",
                                  "brook", "croft", "fold", "hurst", "ings",  "knowe"};
  constexpr int na = 28, nb = 28, nc = 26;
  return fmt::format("{}{}{}", a[n % na], b[(n / na) % nb], c[(n / (na * nb)) % nc]);
}

// Word rank r (0-based) drawn with probability proportional to 1 / (r + 1).
struct Zipf {
  std::vector<double> cdf;
  explicit Zipf(std::size_t n) {
    double sum = 0;
    for (std::size_t r = 1; r <= n; ++r) {
      sum += 1.0 / static_cast<double>(r);
      cdf.push_back(sum);
    }
    for (auto& c : cdf) c /= sum;
  }
  template <typename Rng>
  std::size_t operator()(Rng& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    auto i = static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    return std::min(i, cdf.size() - 1);
  }
};

}  // namespace assent::bench
