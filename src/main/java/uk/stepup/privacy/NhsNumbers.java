package uk.stepup.privacy;

/** The NHS number check digit (Modulus 11), as published in the NHS Data Dictionary. */
final class NhsNumbers {

    private NhsNumbers() {}

    /**
     * True when {@code digits} is exactly ten ASCII digits whose last digit is the Modulus 11 check digit of the
     * first nine: weights 10 down to 2, remainder of the sum by 11 taken from 11; 11 means 0, and 10 means the
     * number can never be valid.
     */
    static boolean isValid(CharSequence digits) {
        if (digits == null || digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
