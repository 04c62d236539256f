"""Support work screens: the sociale kaart (partner organisations) and referrals."""
