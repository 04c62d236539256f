"""Support: burden (EDIZ-plus), referrals, partner organisations and household help (tests)."""
