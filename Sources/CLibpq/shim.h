// libpq, PostgreSQL's C client (Debian's libpq-dev installs it under postgresql/).
#include <postgresql/libpq-fe.h>
