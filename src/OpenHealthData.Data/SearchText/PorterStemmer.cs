namespace OpenHealthData.Data.SearchText;

/// <summary>
/// Martin Porter's stemming algorithm (1980), as SQLite's FTS5 'porter' tokenizer applies it: "centers" and "center",
/// "recognized" and "recognizing", "vaccination" and "vaccinations" share a stem. Written here rather than left to FTS5
/// so that the same stems serve matching, typo correction and highlighting. Input: lower-case ASCII letters.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z')) return word;
        var w = new Word(word);
        w.Step1a(); w.Step1b(); w.Step1c(); w.Step2(); w.Step3(); w.Step4(); w.Step5();
        return w.ToString();
    }

    private sealed class Word(string word)
    {
        private char[] _b = word.ToCharArray();
        private int _k = word.Length - 1; // last index of the word as stemmed so far
        private int _j; // end of the stem before the suffix being looked at

        public override string ToString() => new(_b, 0, _k + 1);

        private bool Consonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !Consonant(i - 1),
            _ => true,
        };

        /// <summary>m(): the number of vowel-consonant sequences in b[0..j].</summary>
        private int Measure()
        {
            int n = 0, i = 0;
            while (true) { if (i > _j) return n; if (!Consonant(i)) break; i++; }
            i++;
            while (true)
            {
                while (true) { if (i > _j) return n; if (Consonant(i)) break; i++; }
                i++; n++;
                while (true) { if (i > _j) return n; if (!Consonant(i)) break; i++; }
                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= _j; i++) if (!Consonant(i)) return true;
            return false;
        }

        private bool DoubleConsonant(int j) => j >= 1 && _b[j] == _b[j - 1] && Consonant(j);

        /// <summary>cvc(i): consonant-vowel-consonant ending at i, the last not w, x or y (hop, not hoop or box).</summary>
        private bool Cvc(int i) => i >= 2 && Consonant(i) && !Consonant(i - 1) && Consonant(i - 2) && _b[i] is not ('w' or 'x' or 'y');

        private bool Ends(string s)
        {
            var l = s.Length;
            var o = _k - l + 1;
            if (o < 0) return false;
            for (var i = 0; i < l; i++) if (_b[o + i] != s[i]) return false;
            _j = _k - l;
            return true;
        }

        private void SetTo(string s)
        {
            var l = s.Length;
            var o = _j + 1;
            if (o + l > _b.Length) Array.Resize(ref _b, o + l);
            for (var i = 0; i < l; i++) _b[o + i] = s[i];
            _k = _j + l;
        }

        private void R(string s) { if (Measure() > 0) SetTo(s); }

        public void Step1a()
        {
            if (_b[_k] != 's') return;
            if (Ends("sses")) _k -= 2;
            else if (Ends("ies")) SetTo("i");
            else if (_k >= 1 && _b[_k - 1] != 's') _k--;
        }

        public void Step1b()
        {
            if (Ends("eed")) { if (Measure() > 0) _k--; return; }
            if (!((Ends("ed") || Ends("ing")) && VowelInStem())) return;
            _k = _j;
            if (Ends("at")) SetTo("ate");
            else if (Ends("bl")) SetTo("ble");
            else if (Ends("iz")) SetTo("ize");
            else if (DoubleConsonant(_k)) { if (_b[_k] is not ('l' or 's' or 'z')) _k--; }
            else { _j = _k; if (Measure() == 1 && Cvc(_k)) SetTo("e"); }
        }

        public void Step1c()
        {
            if (Ends("y") && VowelInStem()) _b[_k] = 'i';
        }

        private static readonly (string From, string To)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string From, string To)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
            ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"];

        public void Step2()
        {
            if (_k < 1) return;
            foreach (var (from, to) in Step2Rules) if (Ends(from)) { R(to); return; }
        }

        public void Step3()
        {
            foreach (var (from, to) in Step3Rules) if (Ends(from)) { R(to); return; }
        }

        public void Step4()
        {
            if (_k < 1) return;
            foreach (var suffix in Step4Suffixes)
            {
                if (!Ends(suffix)) continue;
                if (suffix == "ion" && !(_j >= 0 && _b[_j] is 's' or 't')) return;
                if (Measure() > 1) _k = _j;
                return;
            }
        }

        public void Step5()
        {
            _j = _k;
            if (_b[_k] == 'e')
            {
                var a = Measure();
                if (a > 1 || (a == 1 && !Cvc(_k - 1))) _k--;
            }
            if (_b[_k] == 'l' && DoubleConsonant(_k) && Measure() > 1) _k--;
        }
    }
}
